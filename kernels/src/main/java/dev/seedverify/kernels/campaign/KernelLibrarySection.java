package dev.seedverify.kernels.campaign;

import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.DivergenceException;
import dev.seedverify.cosim.LockstepBackendProvider;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.build.Toolchain;
import dev.seedverify.kernels.cases.TinyCnn;
import dev.seedverify.kernels.gate.GateSuite;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.model.Attachment;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The kernel library in the campaign: every kernel (Xseed and scalar variants, shapes across tile
 * edges; the compiler gate's workload) and the tiny CNN, launched through the host driver on the
 * golden model and the target in whole-chip lockstep, every output element checked against the
 * exact reference. One unit per compiler (GCC and Clang at -O2): both must agree with the reference.
 */
public final class KernelLibrarySection implements CampaignSection {
    public static final String SUITE = "kernel library";
    static final long SEED = 1;
    static final List<BuildConfig> BUILDS = List.of(BuildConfig.of(Toolchain.gcc(), "-O2"), BuildConfig.of(Toolchain.clang(), "-O2"));

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() {
        return "the C kernel library (GCC and Clang -O2) launched through the driver, golden == target, outputs against exact references";
    }

    @Override
    public int order() { return 250; }

    @Override
    public List<String> units(SectionContext ctx) { return BUILDS.stream().map(BuildConfig::label).toList(); }

    /** The driver's backend for campaign target {@code target}: the golden model alone, or golden == target. */
    static String backendFor(String target) {
        return target.equals(Backends.GOLDEN) ? Backends.GOLDEN : LockstepBackendProvider.PREFIX + Backends.GOLDEN + "," + target;
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) {
        BuildConfig config = BUILDS.get(unit);
        String target = ctx.target();
        Instant start = Instant.now();
        KernelLibrary library = KernelBuilder.build(config);
        List<CaseResult> notPassed = new ArrayList<>();
        long passed = 0;
        KernelDevice device = KernelDevice.open(backendFor(target));
        try {
            List<GateSuite.Row> rows = GateSuite.rows(SEED);
            for (GateSuite.Row row : rows) {
                String id = config.label() + " " + row.name();
                KernelDevice d = device;
                CaseResult r = check(id, () -> {
                    KernelRunner.Outcome o = KernelRunner.run(row.kase(), library, row.variant(), d);
                    return o.passed() ? null : o.toString();
                }, target);
                if (r == null) passed++;
                else {
                    notPassed.add(r);
                    if (r.status() == CaseStatus.DIVERGED) device = reopen(device, target);
                }
            }
            TinyCnn net = TinyCnn.seeded(SEED);
            for (Variant v : Variant.values()) {
                KernelDevice d = device;
                CaseResult r = check(config.label() + " tiny CNN" + v.suffix(), () -> {
                    TinyCnn.Outcome o = net.run(library, v, d, KernelRunner.DEFAULT_BUDGET);
                    return o.passed() ? null : o.toString();
                }, target);
                if (r == null) passed++;
                else {
                    notPassed.add(r);
                    if (r.status() == CaseStatus.DIVERGED) device = reopen(device, target);
                }
            }
        } finally {
            device.close();
        }
        long ms = Duration.between(start, Instant.now()).toMillis();
        out.section(new Section(SUITE, Target.of(target), true, start, ms, notPassed, passed, null,
                config.label() + ": " + (passed + notPassed.size()) + " launches (each kernel and variant, the tiny CNN) through the driver on " + backendFor(target)));
    }

    private static KernelDevice reopen(KernelDevice old, String target) {
        old.close();
        return KernelDevice.open(backendFor(target));
    }

    /** Null when the case passed; else its FAIL (wrong output, trap) or DIVERGED (golden != target) result. */
    private static CaseResult check(String id, Supplier<String> body, String target) {
        long t0 = System.nanoTime();
        try {
            String problem = body.get();
            if (problem == null) return null;
            return new CaseResult(id, CaseStatus.FAIL, (System.nanoTime() - t0) / 1_000_000, Map.of(), problem.lines().findFirst().orElse(problem),
                    null, List.of(Attachment.text("outcome", problem)), null);
        } catch (DivergenceException e) {
            var d = new DivergenceReport(e.divergence(), id, target, "seedverify campaign --suites '" + SUITE + "' --target " + target).toModel();
            return new CaseResult(id, CaseStatus.DIVERGED, (System.nanoTime() - t0) / 1_000_000, Map.of(), e.getMessage(), d, List.of(), null);
        }
    }
}
