package dev.seedverify.rtl.mutant;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendProvider;
import dev.seedverify.cosim.BackendUnavailableException;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlBuildException;
import dev.seedverify.rtl.RtlModel;

import java.util.NoSuchElementException;

/**
 * The injected RTL bugs of {@link RtlMutants} as backends named {@code mutant:<name>} (registered
 * in {@code META-INF/services}), so the replayer, the campaign and the property engine reach a
 * mutant exactly as they reach the real RTL. The mutant is built on first use (cached, see
 * {@link MutantModels}).
 */
public final class MutantBackendProvider implements BackendProvider {
    public static final String PREFIX = "mutant:";

    @Override
    public String name() { return PREFIX + "<name>"; }

    @Override
    public String description() { return "the S1 RTL with an injected bug of RtlMutants (built on first use): " + RtlMutants.names(); }

    @Override
    public boolean provides(String name) { return name.startsWith(PREFIX); }

    @Override
    public Backend open(String name, int dramBytes) {
        RtlMutation m;
        try {
            m = RtlMutants.byName(name.substring(PREFIX.length()));
        } catch (NoSuchElementException e) {
            throw new BackendUnavailableException(e.getMessage());
        }
        RtlModel model;
        try {
            model = MutantModels.build(m).model();
        } catch (RtlBuildException | IllegalStateException | LinkageError e) {
            throw new BackendUnavailableException("mutant " + m.name() + " cannot be built here: " + e.getMessage(), e);
        }
        if (model.dramBytes() != dramBytes) {
            throw new BackendUnavailableException("mutant " + m.name() + " is built with " + model.dramBytes() + " bytes of DRAM, not " + dramBytes);
        }
        return backend(m, model);
    }

    /** A backend of a built mutant, named and described after its mutation. */
    public static Backend backend(RtlMutation m, RtlModel model) {
        // No file paths: the description goes into reproducers that are kept in the repository.
        String description = "mutant " + m.name() + " of the S1 RTL (" + model.info("top") + ", Verilator " + model.info("verilator")
                + ", mutated sources " + m.digest().substring(0, 12) + "): " + m.description();
        return new RtlBackend(dev.seedverify.rtl.RtlSimulator.create(model), PREFIX + m.name(), description);
    }
}
