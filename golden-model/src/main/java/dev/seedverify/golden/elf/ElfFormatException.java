package dev.seedverify.golden.elf;

/**
 * An ELF file that SeedChip S1 cannot load: malformed, truncated, of the wrong kind (64-bit,
 * big-endian, not RISC-V, not an executable), or with segments that do not fit the memory it is
 * being loaded into.
 *
 * <p>Unchecked, because a bad ELF is a bad input to the whole run rather than something a caller
 * can recover from. The message always has the form {@code "<file>: <problem>"}, where
 * {@code <file>} is the name given to {@link ElfLoader#parse(byte[], String)} (the path for
 * {@link ElfLoader#read(java.nio.file.Path)}, {@code "<memory>"} when no name was given); the two
 * parts are also available separately.
 */
public final class ElfFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String problem;

    /**
     * @param fileName the file (or {@code "<memory>"}); {@code null} is shown as {@code "<memory>"}
     * @param problem  what exactly is wrong, e.g. {@code "big-endian ELF; SeedChip S1 is little-endian"}
     */
    public ElfFormatException(String fileName, String problem) {
        this(fileName, problem, null);
    }

    public ElfFormatException(String fileName, String problem, Throwable cause) {
        super(label(fileName) + ": " + problem, cause);
        this.fileName = label(fileName);
        this.problem = problem;
    }

    /** The file the problem was found in, {@code "<memory>"} for an unnamed byte array. */
    public String fileName() {
        return fileName;
    }

    /** The problem alone, without the file name prefix. */
    public String problem() {
        return problem;
    }

    static String label(String fileName) {
        return fileName == null ? ElfImage.UNNAMED : fileName;
    }
}
