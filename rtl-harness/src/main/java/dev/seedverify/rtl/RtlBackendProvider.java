package dev.seedverify.rtl;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendProvider;
import dev.seedverify.cosim.BackendUnavailableException;

/**
 * The {@code rtl} backend: the S1 RTL built with this module ({@link RtlModel#builtIn()}; the
 * system property {@value RtlModel#MODEL_PROPERTY} names another library). Registered in
 * {@code META-INF/services/dev.seedverify.cosim.BackendProvider}.
 */
public final class RtlBackendProvider implements BackendProvider {
    public static final String NAME = "rtl";

    @Override
    public String name() { return NAME; }

    @Override
    public String description() { return "the S1 RTL (Verilator model of rtl-harness, RtlModel.builtIn())"; }

    @Override
    public Backend open(String name, int dramBytes) {
        RtlModel model;
        try {
            model = RtlModel.builtIn();
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("the RTL backend is not available: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + " (build it with: mvn -pl rtl-harness -am install -DskipTests)", e);
        }
        if (model.dramBytes() != dramBytes) {
            throw new BackendUnavailableException("the RTL model " + model.describe() + " is built with " + model.dramBytes()
                    + " bytes of DRAM, not " + dramBytes);
        }
        return new RtlBackend(model, NAME);
    }
}
