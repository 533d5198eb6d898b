package dev.seedverify.conformance.dut;

import dev.seedverify.rtl.RtlModel;

/**
 * The {@code rtl} target: the S1 RTL through rtl-harness ({@link RtlModel#builtIn()}, one
 * {@link RtlSimulator} per target, {@code load} + {@code resetBare} between programs, never
 * rebuilt; {@link RtlSource} as the commit source). Set the system property
 * {@value RtlModel#MODEL_PROPERTY} to use another model library (a mutant). A simulator is bound
 * to the thread that created it, so open one target per worker thread.
 */
public final class RtlDutProvider implements DutProvider {

    @Override
    public String name() { return DutTargets.RTL; }

    @Override
    public String description() { return "the S1 RTL (Verilator model of rtl-harness, RtlModel.builtIn())"; }

    @Override
    public DutTarget open(int dramBytes) {
        RtlModel model;
        try {
            model = RtlModel.builtIn();
        } catch (RuntimeException | LinkageError e) {
            throw new DutUnavailableException("the RTL target is not available: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (build it with: mvn -pl golden-model,rtl-harness -am install -DskipTests)", e);
        }
        if (model.dramBytes() != dramBytes) {
            throw new DutUnavailableException("the RTL model " + model.describe() + " is built with " + model.dramBytes()
                    + " bytes of DRAM, not " + dramBytes);
        }
        return new RtlDut(model, dramBytes);
    }
}
