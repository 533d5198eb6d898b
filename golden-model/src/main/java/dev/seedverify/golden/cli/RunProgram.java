package dev.seedverify.golden.cli;

import dev.seedverify.golden.asm.AssemblyException;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.golden.elf.ElfFormatException;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.toolchain.CrossCompiler;
import dev.seedverify.golden.toolchain.ToolchainException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a program on the golden model in bare mode: an ELF executable or an assembly file.
 * Prints PASS/FAIL/TIMEOUT with the tohost value and instret, and optionally a trace.
 *
 * <p>Exit status: 0 pass, 1 fail, 2 timeout, 3 bad input or usage.
 */
public final class RunProgram {
    static final String USAGE = """
            usage: s1run [options] <program.elf | program.S | program.c>
              --budget N      instruction budget (default 10000000); the run is a TIMEOUT after it
              --dram SIZE     DRAM size: bytes, or with K/M suffix, a power of two 64K..64M (default 1M)
              --tohost ADDR   tohost address when the program has no 'tohost' symbol
              --trace [FILE]  write the commit trace (order pc insn disassembly effects), to stdout by default
              --engine E      interpreter or translator (default: translator; the same results, the speed differs)
            exit status: 0 pass, 1 fail, 2 timeout, 3 bad input""";

    private RunProgram() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without System.exit, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        long budget = BareMetal.DEFAULT_BUDGET;
        int dram = Memory.DEFAULT_BYTES;
        Integer tohost = null;
        boolean trace = false;
        Path traceFile = null;
        Path program = null;
        ExecutionEngine engine = ExecutionEngine.defaultEngine();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--budget" -> budget = Long.parseLong(value(args, ++i, a).replace("_", ""));
                    case "--dram" -> dram = parseSize(value(args, ++i, a));
                    case "--tohost" -> tohost = (int) Long.decode(value(args, ++i, a)).longValue();
                    case "--engine" -> engine = ExecutionEngine.parse(value(args, ++i, a));
                    case "--trace" -> {
                        trace = true;
                        if (i + 1 < args.length - 1 && !args[i + 1].startsWith("--")) traceFile = Path.of(args[++i]);
                    }
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--") || program != null) throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        program = Path.of(a);
                    }
                }
            }
            if (program == null) throw new IllegalArgumentException("no program given");
            if (budget <= 0) throw new IllegalArgumentException("--budget must be positive");
        } catch (IllegalArgumentException e) {
            err.println("s1run: " + e.getMessage());
            err.println(USAGE);
            return 3;
        }

        ElfImage image;
        Hart hart;
        try {
            image = load(program);
            hart = new Hart(new Memory(dram), engine);
            BareMetal.load(hart, image);
            if (tohost != null) hart.setTohost(tohost);
        } catch (NoSuchFileException e) {
            err.println("s1run: no such file: " + program);
            return 3;
        } catch (IOException e) {
            err.println("s1run: cannot read " + program + ": " + e.getMessage());
            return 3;
        } catch (ElfFormatException | AssemblyException | ToolchainException | IllegalArgumentException e) {
            err.println("s1run: " + e.getMessage());
            return 3;
        }
        String entry = BareMetal.entryWarning(image);
        if (entry != null) err.println("s1run: warning: " + entry);
        if (image.tohost().isEmpty() && tohost == null) {
            err.println("s1run: warning: " + program + " has no 'tohost' symbol; it can only end by TIMEOUT (use --tohost)");
        }

        BareMetal.Result result;
        if (trace) {
            OutputStream w = null;
            try {
                // stdout is flushed, never closed: the summary line follows the trace.
                w = new BufferedOutputStream(traceFile == null ? out : Files.newOutputStream(traceFile), 1 << 16);
                result = traced(hart, budget, w);
                w.flush();
            } catch (IOException | UncheckedIOException e) {
                err.println("s1run: cannot write the trace: " + e.getMessage());
                return 3;
            } finally {
                if (traceFile != null && w != null) {
                    try {
                        w.close();
                    } catch (IOException e) {
                        err.println("s1run: cannot close the trace: " + e.getMessage());
                    }
                }
            }
        } else {
            result = BareMetal.run(hart, budget);
        }
        out.println(result.summary());
        out.flush();
        return switch (result.verdict()) {
            case PASS -> 0;
            case FAIL -> 1;
            case TIMEOUT -> 2;
        };
    }

    /**
     * Runs a loaded hart for at most {@code budget} instructions, writing the trace line of every
     * commit record to {@code w} (what {@code --trace} does).
     *
     * @throws UncheckedIOException when the trace cannot be written
     */
    public static BareMetal.Result traced(Hart hart, long budget, OutputStream w) {
        hart.setCommitLog(new CommitLog(4096));
        TraceFormat.Stream lines = new TraceFormat.Stream();
        return BareMetal.run(hart, budget, log -> {
            try {
                lines.write(log, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * An ELF file (by its magic), a C file (built with the S1 runtime at -O2) or assembly source.
     *
     * @throws IOException        when the file cannot be read
     * @throws ElfFormatException when it is an ELF file the S1 cannot run (the message says why)
     * @throws AssemblyException  when the assembly has an error
     * @throws ToolchainException when a C file does not compile
     */
    public static ElfImage load(Path program) throws IOException {
        if (program.toString().endsWith(".c")) {
            Path dir = Files.createTempDirectory("s1run");
            try {
                Path elf = CrossCompiler.compileProgram(List.of(program), dir.resolve("program.elf"), List.of("-O2"));
                return ElfLoader.read(elf);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        }
        byte[] bytes = Files.readAllBytes(program);
        if (bytes.length >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            return ElfLoader.parse(bytes, program.toString());
        }
        return Assembler.assemble(new String(bytes, StandardCharsets.UTF_8), program.toString());
    }

    /** A DRAM size: bytes, or with a K/M suffix, a power of two 64K..64M; IllegalArgumentException naming the problem. */
    public static int parseSize(String s) {
        String t = s.trim().toUpperCase();
        long mult = 1;
        if (t.endsWith("KIB") || t.endsWith("K")) { mult = 1024; t = t.replaceAll("KIB$|K$", ""); }
        else if (t.endsWith("MIB") || t.endsWith("M")) { mult = 1024 * 1024; t = t.replaceAll("MIB$|M$", ""); }
        long v;
        try {
            v = Long.parseLong(t) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--dram: not a size: " + s);
        }
        if (v < Memory.MIN_BYTES || v > Memory.MAX_BYTES || Long.bitCount(v) != 1) {
            throw new IllegalArgumentException("--dram: DRAM size must be a power of two from 64K to 64M, got " + s);
        }
        return (int) v;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
