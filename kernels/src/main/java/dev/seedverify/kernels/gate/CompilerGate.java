package dev.seedverify.kernels.gate;

import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.toolchain.CrossCompiler;
import dev.seedverify.golden.toolchain.ToolchainException;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.bugs.KernelBugs;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuildException;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.build.SourcePatch;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.TinyCnn;
import dev.seedverify.kernels.cases.Tensors;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.kernels.launch.LaunchResult;
import dev.seedverify.kernels.launch.StoreWatch;
import dev.seedverify.reports.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler gate: builds the kernel library with two configurations (two toolchains, or one
 * toolchain with two flag sets), runs the gate suite ({@link GateSuite}: every kernel in both
 * variants, and the tiny CNN) with both on the golden model, and reports per row whether the
 * outputs are equal; where they are not, the first differing element (tensor, index, both values
 * and the reference's) and where the two runs split: the store that wrote that element in each
 * run (record, pc, instruction, function and, from the debug information, its source line).
 * Instructions retired per row come from the golden model; with {@code --rtl}, cycles from the
 * RTL too. Exit status 0 when every row is equal (or listed in {@code --known}) and no row got
 * slower than the threshold (cycles with {@code --rtl}, else instructions), 1 otherwise, 2 for
 * bad usage or a build that fails.
 */
public final class CompilerGate {
    static final String USAGE = """
            usage: kernel-gate [--base CONFIG] [--candidate CONFIG] [--rtl] [--threshold PERCENT]
                               [--known FILE] [--json FILE] [--seed N] [--base-bug NAME] [--candidate-bug NAME]
              CONFIG     TOOLCHAIN[:FLAGS], TOOLCHAIN = gcc | clang | gcc@/path/to/gcc | clang@/path/to/clang
                         (default base gcc:-O2, candidate clang:-O2); e.g. --candidate 'gcc:-O3 -funroll-loops'
              --rtl      also run every row on the RTL (cycles; the regression check then uses cycles)
              --threshold  allowed slow-down of the candidate per row, in percent (default 5)
              --known    a file of row names (one per line, # comments) whose output mismatch is accepted
              --json     also write the report as JSON
              --base-bug / --candidate-bug  build that side with an injected kernel bug (KernelBugs), to see a failing gate
            """;

    /** The result of one row. */
    public record RowResult(String name, boolean equal, String difference, long baseRetired, long candidateRetired, long baseCycles,
                            long candidateCycles, boolean known, boolean regression, boolean baseMatchesReference,
                            boolean candidateMatchesReference) {
        public boolean failing() { return (!equal && !known) || regression; }
    }

    /** The whole report. */
    public record Report(BuildConfig base, BuildConfig candidate, boolean rtl, double threshold, List<RowResult> rows) {
        public boolean passed() { return rows.stream().noneMatch(RowResult::failing); }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("compiler gate: base %s vs candidate %s on the golden model%s; regression threshold %.1f%% of %s%n%n", base,
                    candidate, rtl ? " and the RTL" : "", threshold, rtl ? "cycles" : "instructions"));
            s.append(String.format("%-28s %-8s %12s %12s %8s", "row", "outputs", "instr base", "instr cand", "delta"));
            if (rtl) s.append(String.format(" %12s %12s %8s", "cycles base", "cycles cand", "delta"));
            s.append("  verdict\n");
            for (RowResult r : rows) {
                s.append(String.format("%-28s %-8s %12d %12d %8s", r.name(), r.equal() ? "equal" : "DIFFER", r.baseRetired(), r.candidateRetired(),
                        delta(r.baseRetired(), r.candidateRetired())));
                if (rtl) s.append(String.format(" %12d %12d %8s", r.baseCycles(), r.candidateCycles(), delta(r.baseCycles(), r.candidateCycles())));
                s.append("  ").append(r.regression() ? "REGRESSION" : !r.equal() ? (r.known() ? "known mismatch" : "MISMATCH") : "ok").append('\n');
                if (r.difference() != null) r.difference().lines().forEach(l -> s.append("    ").append(l).append('\n'));
            }
            long fails = rows.stream().filter(RowResult::failing).count();
            s.append(String.format("%n%s: %d rows, %d failing%n", passed() ? "PASS" : "FAIL", rows.size(), fails));
            return s.toString();
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("base", base.label());
            m.put("candidate", candidate.label());
            m.put("rtl", rtl);
            m.put("threshold_percent", threshold);
            m.put("passed", passed());
            List<Object> list = new ArrayList<>();
            for (RowResult r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("row", r.name());
                row.put("equal", r.equal());
                row.put("difference", r.difference());
                row.put("base_retired", r.baseRetired());
                row.put("candidate_retired", r.candidateRetired());
                row.put("base_cycles", r.baseCycles());
                row.put("candidate_cycles", r.candidateCycles());
                row.put("known", r.known());
                row.put("regression", r.regression());
                row.put("base_matches_reference", r.baseMatchesReference());
                row.put("candidate_matches_reference", r.candidateMatchesReference());
                list.add(row);
            }
            m.put("rows", list);
            return m;
        }
    }

    private CompilerGate() {}

    static String delta(long base, long cand) {
        if (base <= 0 || cand < 0) return "-";
        return String.format("%+.1f%%", 100.0 * (cand - base) / base);
    }

    /** Runs the gate. */
    public static Report run(BuildConfig base, List<SourcePatch> basePatches, BuildConfig candidate, List<SourcePatch> candidatePatches,
                             boolean rtl, double threshold, Set<String> known, long seed) {
        KernelLibrary a = KernelBuilder.build(base, basePatches), b = KernelBuilder.build(candidate, candidatePatches);
        List<RowResult> rows = new ArrayList<>();
        try (KernelDevice golden = KernelDevice.open("golden"); KernelDevice rtlDevice = rtl ? KernelDevice.open("rtl") : null) {
            for (GateSuite.Row row : GateSuite.rows(seed)) {
                KernelRunner.Outcome oa = KernelRunner.run(row.kase(), a, row.variant(), golden);
                KernelRunner.Outcome ob = KernelRunner.run(row.kase(), b, row.variant(), golden);
                long ca = -1, cb = -1;
                if (rtlDevice != null) {
                    ca = KernelRunner.run(row.kase(), a, row.variant(), rtlDevice).launch().cycles();
                    cb = KernelRunner.run(row.kase(), b, row.variant(), rtlDevice).launch().cycles();
                }
                String difference = difference(row, oa, ob, a, b, golden);
                rows.add(result(row.name(), difference, oa.launch().retired(), ob.launch().retired(), ca, cb, known, threshold,
                        oa.passed(), ob.passed()));
            }
            for (Variant v : Variant.values()) {
                TinyCnn net = TinyCnn.seeded(seed);
                TinyCnn.Outcome na = net.run(a, v, golden, KernelRunner.DEFAULT_BUDGET);
                TinyCnn.Outcome nb = net.run(b, v, golden, KernelRunner.DEFAULT_BUDGET);
                long ca = -1, cb = -1;
                if (rtlDevice != null) {
                    ca = cycles(net.run(a, v, rtlDevice, KernelRunner.DEFAULT_BUDGET));
                    cb = cycles(net.run(b, v, rtlDevice, KernelRunner.DEFAULT_BUDGET));
                }
                String difference = null;
                if (na.output() == null || nb.output() == null || !java.util.Arrays.equals(na.output(), nb.output())) {
                    difference = "base:\n" + na + "candidate:\n" + nb;
                }
                rows.add(result("tiny_cnn" + v.suffix(), difference, na.retired(), nb.retired(), ca, cb, known, threshold, na.passed(), nb.passed()));
            }
        }
        return new Report(base, candidate, rtl, threshold, rows);
    }

    private static long cycles(TinyCnn.Outcome o) {
        return o.layers().stream().mapToLong(l -> l.launch().cycles()).sum();
    }

    private static RowResult result(String name, String difference, long ra, long rb, long ca, long cb, Set<String> known, double threshold,
                                    boolean refA, boolean refB) {
        long base = ca >= 0 ? ca : ra, cand = ca >= 0 ? cb : rb;
        boolean regression = base > 0 && cand > base * (1 + threshold / 100.0);
        return new RowResult(name, difference == null, difference, ra, rb, ca, cb, known.contains(name), regression, refA, refB);
    }

    /** Null when both runs ended equally with equal outputs, else what differs and where the runs split. */
    static String difference(GateSuite.Row row, KernelRunner.Outcome oa, KernelRunner.Outcome ob, KernelLibrary a, KernelLibrary b,
                             KernelDevice golden) {
        LaunchResult la = oa.launch(), lb = ob.launch();
        if (la.status() != lb.status() || la.result() != lb.result()) {
            return "the launches ended differently: base " + la + ", candidate " + lb;
        }
        KernelCase c = row.kase();
        Map<String, byte[]> expected = c.expected();
        for (String tensor : c.outputs().keySet()) {
            byte[] x = oa.outputs().get(tensor), y = ob.outputs().get(tensor);
            int size = c.kernel().args().get(c.kernel().argIndex(tensor)).type().elementBytes();
            for (int i = 0; i < x.length / size; i++) {
                long vx = value(x, i, size), vy = value(y, i, size);
                if (vx == vy) continue;
                long ref = value(expected.get(tensor), i, size);
                StringBuilder s = new StringBuilder();
                s.append(String.format("first differing element: %s%s (element %d): base %s, candidate %s; reference %s%n", tensor,
                        KernelRunner.position(c.outputs().get(tensor), i), i, show(vx, size), show(vy, size), show(ref, size)));
                s.append("base      ").append(writer(c, row.variant(), a, tensor, i * size, size)).append('\n');
                s.append("candidate ").append(writer(c, row.variant(), b, tensor, i * size, size));
                return s.toString();
            }
        }
        if (!oa.passed() || !ob.passed()) {
            return "outputs equal, but: base " + (oa.passed() ? "passed" : oa.verdict()) + "; candidate " + (ob.passed() ? "passed" : ob.verdict());
        }
        return null;
    }

    private static long value(byte[] b, int i, int size) { return size == 4 ? Tensors.word(b, i) & 0xFFFF_FFFFL : b[i]; }

    private static String show(long v, int size) { return size == 4 ? String.format("0x%08x", v) : Long.toString(v); }

    /**
     * The last store to the element, found by rerunning the case through the driver on a fresh
     * golden device with its commit records watched (so record numbers count from the launch).
     */
    static String writer(KernelCase c, Variant v, KernelLibrary lib, String tensor, int offset, int size) {
        StoreWatch watch;
        int link;
        try (KernelDevice golden = KernelDevice.open("golden"); KernelPlacement p = KernelRunner.place(c, lib, golden, 0)) {
            watch = new StoreWatch(p.region(tensor).address() + offset, size);
            golden.launch(p.launch("args", v, KernelRunner.DEFAULT_BUDGET), watch);
            if (!watch.found()) return "never wrote it";
            link = p.linkAddress(watch.pc());
        }
        return String.format("wrote it at record %d, pc 0x%08x (link 0x%08x, %s): %s  %s", watch.order(), watch.pc(), link, lib.describe(link),
                Disassembler.disassemble(watch.insn(), watch.pc()), sourceLine(lib, link));
    }

    /** file:line of a link address, from the library's debug information. */
    static String sourceLine(KernelLibrary lib, int linkAddress) {
        try {
            String out = CrossCompiler.run(lib.elf().getParent(), List.of(lib.config().toolchain().addr2line(), "-e", lib.elf().toString(),
                    String.format("0x%08x", linkAddress))).strip();
            return out.isEmpty() ? "(no line)" : out.lines().findFirst().orElse("");
        } catch (ToolchainException e) {
            return "(no source line: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BuildConfig base = BuildConfig.parse("gcc:-O2"), candidate = BuildConfig.parse("clang:-O2");
        List<SourcePatch> basePatches = List.of(), candidatePatches = List.of();
        boolean rtl = false;
        double threshold = 5;
        Set<String> known = new HashSet<>();
        Path json = null;
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--base" -> base = BuildConfig.parse(value(args, ++i, a));
                    case "--candidate" -> candidate = BuildConfig.parse(value(args, ++i, a));
                    case "--base-bug" -> basePatches = KernelBugs.named(value(args, ++i, a)).patches();
                    case "--candidate-bug" -> candidatePatches = KernelBugs.named(value(args, ++i, a)).patches();
                    case "--rtl" -> rtl = true;
                    case "--threshold" -> threshold = Double.parseDouble(value(args, ++i, a));
                    case "--known" -> {
                        for (String line : Files.readAllLines(Path.of(value(args, ++i, a)))) {
                            String t = line.strip();
                            if (!t.isEmpty() && !t.startsWith("#")) known.add(t);
                        }
                    }
                    case "--json" -> json = Path.of(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (threshold < 0) throw new IllegalArgumentException("--threshold must not be negative");
        } catch (IllegalArgumentException | IOException e) {
            err.println("kernel-gate: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Report report;
        try {
            report = run(base, basePatches, candidate, candidatePatches, rtl, threshold, known, seed);
        } catch (KernelBuildException e) {
            err.println("kernel-gate: " + e.getMessage());
            return 2;
        }
        out.print(report.text());
        if (json != null) {
            try {
                Files.writeString(json, Json.write(report.toMap()));
            } catch (IOException e) {
                err.println("kernel-gate: cannot write " + json + ": " + e.getMessage());
                return 2;
            }
        }
        return report.passed() ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
