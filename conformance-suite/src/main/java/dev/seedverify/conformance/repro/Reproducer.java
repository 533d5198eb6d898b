package dev.seedverify.conformance.repro;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.asm.AssemblyException;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.FieldDifference;
import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reproducer file: a versioned, human-readable record of one divergence that is itself a valid
 * assembly file (so {@code seedverify run} runs it too). The header comments hold the seed, weights,
 * target, bucket signature, the divergence (order, pc, instruction, every differing field golden
 * vs DUT, the two records) and the SHA-256 of the program's bytes; the rest is the shrunk
 * program's commented assembly, data region (initial memory) included. Reading a file back
 * assembles the source and checks the hash, so a replay runs exactly the bytes that failed.
 *
 * <p>Version 2 also covers the header: {@code content-sha256} is the SHA-256 of the whole file
 * without that line, so an edited header (another bucket, seed or target) is refused like an
 * edited program. Version 1 files (the regression folder keeps some) are still read; only their
 * program is covered.
 *
 * <pre>
 * # seedverify-repro v2
 * # ...
 * # seed: 42
 * # bucket: sra | rd_wdata | -
 * # image-sha256: 3f1c...
 * # ...
 * # content-sha256: 9a0b...
 * # end-of-header
 * _start: ...
 * </pre>
 */
public final class Reproducer {
    public static final int VERSION = 2;
    public static final String MAGIC = "# seedverify-repro v";
    public static final String END = "# end-of-header";
    /** The header line (v2 on) holding the SHA-256 of the file without that line. */
    static final String CONTENT_HASH = "# content-sha256: ";
    private static final Pattern KEY = Pattern.compile("^# ([a-z][a-z0-9-]*): (.*)$");

    private final Map<String, String> header;
    private final String source;
    private final String name;

    private Reproducer(String name, Map<String, String> header, String source) {
        this.name = name;
        this.header = header;
        this.source = source;
    }

    /** Thrown for a file that is not a reproducer, is cut short, a newer version, or one whose header or program does not match its hash. */
    public static final class InvalidReproducerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidReproducerException(String message) { super(message); }
    }

    // ------------------------------------------------------------------ writing

    /** What a campaign knows about a divergence when it writes the reproducer. */
    public record Details(long seed, String weights, String target, String targetDescription, int dramBytes, long budget,
                          BucketSignature bucket, int originalOps, int shrunkOps, int shrunkInstructions) {}

    /** The reproducer of {@code program} (usually shrunk), which diverges as {@code d} says. */
    public static Reproducer of(RenderedProgram program, Divergence d, Details x) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("seed", Long.toString(x.seed()));
        h.put("weights", x.weights());
        h.put("target", x.target());
        h.put("target-description", x.targetDescription());
        h.put("dram-bytes", Integer.toString(x.dramBytes()));
        h.put("budget", Long.toString(x.budget()));
        h.put("bucket", x.bucket().toString());
        h.put("divergence-kind", d.kind().name());
        h.put("divergence-order", Long.toString(d.order()));
        h.put("divergence-fields", fieldList(d));
        h.put("original-ops", Integer.toString(x.originalOps()));
        h.put("shrunk-ops", Integer.toString(x.shrunkOps()));
        h.put("shrunk-instructions", Integer.toString(x.shrunkInstructions()));
        h.put("image-sha256", sha256(RenderedProgram.memoryBytes(program.image())));
        StringBuilder s = new StringBuilder();
        s.append(MAGIC).append(VERSION).append('\n');
        s.append("# A program on which the golden model and ").append(x.target()).append(" diverged, shrunk to the instructions that cause it.\n");
        s.append("# Replay: ").append(Replay.command("<this file>", x.target()))
                .append("   (FAIL while the bug is there, PASS once golden and the target agree)\n");
        s.append("#\n");
        for (Map.Entry<String, String> e : h.entrySet()) s.append("# ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        s.append("#\n");
        divergenceText(s, d);
        int hashAt = s.length();
        s.append(END).append("\n\n");
        s.append(program.assembly());
        String hash = sha256(s.toString().getBytes(StandardCharsets.UTF_8));
        s.insert(hashAt, CONTENT_HASH + hash + "\n");
        return new Reproducer(x.bucket().slug() + "-seed" + x.seed() + ".S", h, s.toString());
    }

    private static void divergenceText(StringBuilder s, Divergence d) {
        s.append("# divergence: ").append(d.kind()).append(" at order ").append(d.order()).append(": ").append(d.message()).append('\n');
        CommitRecord at = d.reference() != null ? d.reference() : d.dut();
        if (at != null) {
            s.append(String.format("#   at pc 0x%08x, insn 0x%08x: %s%n", at.pc(), at.insn(), TraceFormat.disassembly(at)));
        }
        if (!d.differences().isEmpty()) {
            s.append(String.format("#   %-20s %-12s %s%n", "field", "golden", "DUT"));
            for (FieldDifference f : d.differences()) {
                s.append(String.format("#   %-20s 0x%08x   0x%08x%n", f.field(), f.reference() & 0xFFFF_FFFFL, f.dut() & 0xFFFF_FFFFL));
            }
        }
        if (d.reference() != null) s.append("#   golden> ").append(TraceFormat.line(d.reference()).strip()).append('\n');
        if (d.dut() != null) s.append("#   DUT>    ").append(TraceFormat.line(d.dut()).strip()).append('\n');
        if (!d.history().isEmpty()) {
            s.append("#   the instructions before it (identical on both sides):\n");
            for (CommitRecord r : d.history()) s.append("#     ").append(TraceFormat.line(r).strip()).append('\n');
        }
    }

    /** Writes the file atomically; returns its path. */
    public Path write(Path file) throws IOException { return AtomicFiles.write(file, source); }

    // ------------------------------------------------------------------ reading

    public static boolean looksLikeReproducer(Path file) {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(MAGIC);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Reads and checks a reproducer file.
     *
     * @throws InvalidReproducerException when it is not one (binary, another file), is cut short, or was edited
     * @throws IOException                when it cannot be read at all
     */
    public static Reproducer read(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidReproducerException(name + ": not a reproducer: not UTF-8 text (a binary file?)");
        }
        if (text.indexOf('\0') >= 0) throw new InvalidReproducerException(name + ": not a reproducer: it contains NUL bytes (a binary file?)");
        return parse(name, text);
    }

    public static Reproducer parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC)) {
            throw new InvalidReproducerException(name + ": not a reproducer (the first line must be '" + MAGIC + VERSION + "')");
        }
        int version;
        try {
            version = Integer.parseInt(lines[0].substring(MAGIC.length()).strip());
        } catch (NumberFormatException e) {
            throw new InvalidReproducerException(name + ": bad version line '" + lines[0] + "'");
        }
        if (version > VERSION) {
            throw new InvalidReproducerException(name + ": reproducer format v" + version + " is newer than this tool (v" + VERSION + ")");
        }
        Map<String, String> h = new LinkedHashMap<>();
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals(END)) {
                end = i;
                break;
            }
            Matcher m = KEY.matcher(lines[i]);
            if (m.matches() && !h.containsKey(m.group(1))) h.put(m.group(1), m.group(2).strip());
        }
        if (end < 0) throw new InvalidReproducerException(name + ": cut short inside its header (no '" + END + "' line)");
        if (version >= 2) checkContentHash(name, text, h.get("content-sha256"));
        for (String k : new String[] {"seed", "target", "dram-bytes", "bucket", "image-sha256"}) {
            if (!h.containsKey(k)) throw new InvalidReproducerException(name + ": header has no '" + k + "'");
        }
        try {
            Long.parseLong(h.get("seed"));
            Integer.parseInt(h.get("dram-bytes"));
            if (h.containsKey("budget")) Long.parseLong(h.get("budget"));
            BucketSignature.parse(h.get("bucket"));
        } catch (RuntimeException e) {
            throw new InvalidReproducerException(name + ": bad header value: " + e.getMessage());
        }
        return new Reproducer(name, h, text);
    }

    /** v2: the file without its content-hash line must hash to the recorded value (header and program unedited). */
    private static void checkContentHash(String name, String text, String recorded) {
        if (recorded == null) throw new InvalidReproducerException(name + ": header has no 'content-sha256'");
        int at = text.indexOf("\n" + CONTENT_HASH);
        int lineEnd = at < 0 ? -1 : text.indexOf('\n', at + 1);
        if (lineEnd < 0) throw new InvalidReproducerException(name + ": cut short inside its header");
        String without = text.substring(0, at + 1) + text.substring(lineEnd + 1);
        String actual = sha256(without.getBytes(StandardCharsets.UTF_8));
        if (!actual.equals(recorded)) {
            throw new InvalidReproducerException(name + ": edited after it was written: its content hashes to " + actual.substring(0, 12)
                    + "..., the header records " + (recorded.length() > 12 ? recorded.substring(0, 12) + "..." : recorded)
                    + " (header and program are covered; write a new reproducer instead of editing one)");
        }
    }

    public String name() { return name; }

    public Map<String, String> header() { return java.util.Collections.unmodifiableMap(header); }

    public String get(String key) { return header.get(key); }

    public String source() { return source; }

    public long seed() { return Long.parseLong(header.get("seed")); }

    public String target() { return header.get("target"); }

    public int dramBytes() { return Integer.parseInt(header.get("dram-bytes")); }

    public long budget() { return Long.parseLong(header.getOrDefault("budget", "20000")); }

    public BucketSignature bucket() { return BucketSignature.parse(header.get("bucket")); }

    /** The differing fields, comma-separated, as {@link #fieldList} writes them. */
    static String fieldList(Divergence d) {
        return d.differences().isEmpty() ? d.kind().name() : String.join(",", d.differences().stream().map(f -> f.field()).toList());
    }

    /**
     * How a new divergence of this reproducer's program relates to the recorded one: the same
     * bug back (same bucket, same record, same differing fields), the recorded bucket somewhere
     * else in the program, or another bucket altogether (something else diverges here).
     */
    public enum Match { OWN_BUG, SAME_BUCKET_ELSEWHERE, OTHER_BUCKET }

    public Match match(BucketSignature signature, Divergence d) {
        if (!signature.equals(bucket())) return Match.OTHER_BUCKET;
        String order = header.get("divergence-order"), fields = header.get("divergence-fields");
        boolean sameOrder = order == null || order.equals(Long.toString(d.order()));
        boolean sameFields = fields == null || fields.equals(fieldList(d));
        return sameOrder && sameFields ? Match.OWN_BUG : Match.SAME_BUCKET_ELSEWHERE;
    }

    /** The program: the source assembled, checked against the recorded hash. */
    public ElfImage image() {
        ElfImage image;
        try {
            image = Assembler.assemble(source, name);
        } catch (AssemblyException e) {
            throw new InvalidReproducerException(name + ": does not assemble: " + e.getMessage());
        }
        String sha = sha256(RenderedProgram.memoryBytes(image));
        if (!sha.equals(header.get("image-sha256"))) {
            throw new InvalidReproducerException(name + ": assembles to bytes with SHA-256 " + sha + ", not the recorded "
                    + header.get("image-sha256") + " (edited, or assembled by a different assembler)");
        }
        if (image.tohost().isEmpty()) throw new InvalidReproducerException(name + ": no tohost symbol");
        return image;
    }

    static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder s = new StringBuilder();
            for (byte b : d) s.append(String.format("%02x", b & 0xFF));
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
