package dev.seedverify.reports;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.DifferingField;
import dev.seedverify.reports.model.Divergence;
import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.PerformanceFigure;
import dev.seedverify.reports.model.Requirements;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SmallestReproducer;
import dev.seedverify.reports.model.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs as a campaign would record them, for the tests of the verdict and the writers. */
public final class SampleRuns {
    public static final String CONFORMANCE = "conformance list";
    public static final String KERNELS = "kernels";
    public static final String REGRESSIONS = "regressions";
    public static final String PROPERTY = "property campaign";
    public static final Target RTL = Target.of("rtl");
    public static final Target GOLDEN = Target.golden();
    public static final Instant START = Instant.parse("2026-12-02T09:00:00Z");
    public static final String MULH_BUCKET = "mulh | rd_wdata | -";
    public static final String SRA_BUCKET = "sra | rd_wdata | -";
    public static final String UNCOVERED_BIN = "csr.mtval.write_illegal";
    public static final String MULH_REPRODUCER = """
            # SeedVerify reproducer v1: mulh | rd_wdata | -
            # seed 1234, shrunk from 48 to 3 instructions
            _start:
                li   a0, -7
                li   a1, 3
                mulh a2, a0, a1        # golden 0xffffffff, DUT 0x00000000
            """;

    private SampleRuns() {}

    public static Requirements requirements() {
        return new Requirements(List.of(CONFORMANCE, KERNELS, REGRESSIONS, PROPERTY), true);
    }

    public static Environment environment() {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("verilator", "Verilator 5.006 2023-01-22");
        tools.put("riscv64-unknown-elf-gcc", "12.2.0");
        tools.put("java", "OpenJDK 64-Bit Server VM 17.0.13");
        return new Environment("4d1d0b0c0ffee1234567890abcdef0123456789a", "rtl-7f3a9c21", tools, "1..20000", "ci-runner-3", Map.of("tier", "default"));
    }

    public static List<CaseResult> passing(String prefix, int n) {
        List<CaseResult> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(CaseResult.passed(prefix + i + ".S", 3 + i % 5).withLabel(CaseResult.PROGRAM, prefix + i + ".S"));
        return l;
    }

    public static Divergence mulhDivergence() {
        return new Divergence("MISMATCH", 40, "rd_wdata differs", "rd_wdata",
                List.of(new DifferingField("rd_wdata", "0xffffffff", "0x00000000")),
                "40 80000010 02b51633 mulh a2,a0,a1  x12=0xffffffff", "40 80000010 02b51633 mulh a2,a0,a1  x12=0x00000000",
                List.of("38 80000008 ff900513 addi a0,zero,-7  x10=0xfffffff9", "39 8000000c 00300593 addi a1,zero,3  x11=0x00000003"),
                MULH_BUCKET, MULH_REPRODUCER, "repro/mulh.rd_wdata.S", "waves/mulh.rd_wdata.fst", "seedverify replay repro/mulh.rd_wdata.S --target rtl");
    }

    public static Divergence sraDivergence(long seed) {
        return new Divergence("MISMATCH", 12, "rd_wdata differs", "rd_wdata", List.of(new DifferingField("rd_wdata", "0xfffffff0", "0x0ffffff0")),
                null, null, List.of(), SRA_BUCKET, null, null, null, null);
    }

    public static Coverage coverage(double target, int uncovered) {
        List<CoverageBin> bins = new ArrayList<>();
        String[] groups = {"alu", "mem", "csr", "trap", "xseed"};
        for (int i = 0; i < 40; i++) bins.add(new CoverageBin(groups[i % groups.length] + ".bin" + i, groups[i % groups.length], 5 + i * 37L));
        bins.add(new CoverageBin("mem.lh.misaligned", "mem", 3));
        for (int i = 0; i < uncovered; i++) bins.add(new CoverageBin(i == 0 ? UNCOVERED_BIN : "trap.unhit" + i, i == 0 ? "csr" : "trap", 0));
        return new Coverage("S1 instruction coverage", target, 10, 20_000, 1_040_000, bins);
    }

    private static RunResult.Builder base(String id) {
        return RunResult.builder(id, "SeedChip S1 campaign").startedAt(START).finishedAt(START.plusSeconds(83))
                .environment(environment()).requirements(requirements());
    }

    /** Everything required ran on the RTL and passed, coverage met. */
    public static RunResult signedOff() {
        return base("2026-12-02T09-00-00Z")
                .section(Section.of(CONFORMANCE, GOLDEN, passing("conf-", 6)))
                .section(Section.of(CONFORMANCE, RTL, passing("conf-", 6)))
                .section(Section.of(KERNELS, RTL, List.of(CaseResult.passed("gemm-int8 -O2", 120).withLabel(CaseResult.KERNEL, "gemm-int8"),
                        CaseResult.passed("crc32 -O0", 80))))
                .section(Section.of(REGRESSIONS, RTL, passing("regression-", 3)))
                .section(new Section(PROPERTY, RTL, true, START.plusSeconds(20), 41_000, List.of(), 20_000, null, "seeds 1..20000"))
                .coverage(coverage(95, 1))
                .mutation(new MutationResult("sra-as-srl", "SRA shifts in zeros", true, "property campaign", 212, 0.8, 3, SRA_BUCKET))
                .mutation(new MutationResult("mulh-unsigned", "MULH treats rs1 as unsigned", true, "conformance list", 1, 0.1, 3, MULH_BUCKET))
                .isolation(new IsolationCounts(1_200, 0, 0))
                .performance(new PerformanceFigure("lockstep golden + RTL, scalar", 2.4, "M instr/s", "seedverify bench lockstep --instructions 2000000", "0.88 of the RTL alone"))
                .build();
    }

    /**
     * A run with a directed divergence (bucket {@link #MULH_BUCKET}), two random programs in bucket
     * {@link #SRA_BUCKET}, coverage below target, kernels skipped and a mutant that survived.
     */
    public static RunResult failing() {
        List<CaseResult> conf = new ArrayList<>(passing("conf-", 5));
        conf.add(CaseResult.diverged("mulh.S", 14, mulhDivergence()).withLabel(CaseResult.INSTRUCTION, "mulh")
                .withAttachment(dev.seedverify.reports.model.Attachment.waveform("waves/mulh.rd_wdata.fst")));
        List<CaseResult> prop = List.of(
                CaseResult.diverged("seed 17", 2, sraDivergence(17)).withLabel(CaseResult.SEED, "17").withLabel(CaseResult.INSTRUCTION, "sra"),
                CaseResult.diverged("seed 4242", 2, sraDivergence(4242)).withLabel(CaseResult.SEED, "4242").withLabel(CaseResult.INSTRUCTION, "sra"));
        return base("2026-12-03T09-00-00Z")
                .section(Section.of(CONFORMANCE, GOLDEN, passing("conf-", 6)))
                .section(Section.of(CONFORMANCE, RTL, conf))
                .skipped(KERNELS, "rtl", "--no-kernels")
                .section(Section.of(REGRESSIONS, RTL, passing("regression-", 3)))
                .section(new Section(PROPERTY, RTL, true, START.plusSeconds(20), 41_000, prop, 19_998, null, "seeds 1..20000"))
                .coverage(coverage(95, 4))
                .bucket(Bucket.of(MULH_BUCKET, 1, List.of(), new SmallestReproducer("mulh.S", null, 3, "repro/mulh.rd_wdata.S", MULH_REPRODUCER)))
                .bucket(Bucket.of(SRA_BUCKET, 2, List.of(17L, 4242L), new SmallestReproducer("seed 17", 17L, 2, "repro/sra.rd_wdata.S",
                        "_start:\n    li a0, -16\n    srai a1, a0, 4\n")))
                .mutation(new MutationResult("sra-as-srl", "SRA shifts in zeros", true, "property campaign", 212, 0.8, 3, SRA_BUCKET))
                .mutation(new MutationResult("tquant-round", "tquant truncates instead of rounding to nearest even", false, null, 20_000, null, null, null))
                .isolation(new IsolationCounts(1_200, 0, 0))
                .performance(new PerformanceFigure("lockstep golden + RTL, scalar", 2.4, "M instr/s", "seedverify bench lockstep --instructions 2000000", null))
                .build();
    }
}
