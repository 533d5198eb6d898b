package dev.seedverify.conformance.mutants;

import dev.seedverify.conformance.dut.DutProvider;
import dev.seedverify.conformance.dut.DutTarget;
import dev.seedverify.conformance.dut.DutUnavailableException;
import dev.seedverify.conformance.dut.RtlDut;
import dev.seedverify.rtl.RtlBuildException;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.util.NoSuchElementException;

/**
 * The injected RTL bugs of {@link RtlMutants} as DUTs named {@code mutant:<name>} (registered in
 * {@code META-INF/services}), so the replayer and the property campaign reach a mutant exactly as
 * they reach the real RTL: {@code ci/replay.sh FILE --target mutant:sra-as-srl}. The mutant is
 * built on first use (cached, see {@link MutantModels}).
 */
public final class MutantDutProvider implements DutProvider {
    public static final String PREFIX = "mutant:";

    @Override
    public String name() { return PREFIX + "<name>"; }

    @Override
    public String description() { return "the S1 RTL with an injected bug of RtlMutants (built on first use): " + RtlMutants.names(); }

    @Override
    public boolean provides(String target) { return target.startsWith(PREFIX); }

    @Override
    public DutTarget open(int dramBytes) { throw new DutUnavailableException("name the mutant: mutant:<name>, one of " + RtlMutants.names()); }

    @Override
    public DutTarget open(String target, int dramBytes) {
        RtlMutation m;
        try {
            m = RtlMutants.byName(target.substring(PREFIX.length()));
        } catch (NoSuchElementException e) {
            throw new DutUnavailableException(e.getMessage());
        }
        RtlModel model;
        try {
            model = MutantModels.build(m).model();
        } catch (RtlBuildException | IllegalStateException | LinkageError e) {
            throw new DutUnavailableException("mutant " + m.name() + " cannot be built here: " + e.getMessage(), e);
        }
        if (model.dramBytes() != dramBytes) {
            throw new DutUnavailableException("mutant " + m.name() + " is built with " + model.dramBytes() + " bytes of DRAM, not " + dramBytes);
        }
        return new MutantDut(m, model, new RtlDut(model, dramBytes));
    }

    /** An RTL DUT named after its mutant. */
    static final class MutantDut implements DutTarget {
        private final RtlMutation mutation;
        private final RtlDut rtl;
        private final String description;

        MutantDut(RtlMutation mutation, RtlModel model, RtlDut rtl) {
            this.mutation = mutation;
            this.rtl = rtl;
            // No file paths: the description goes into reproducers that are kept in the repository.
            this.description = "mutant " + mutation.name() + " of the S1 RTL (" + model.info("top") + ", Verilator " + model.info("verilator")
                    + ", mutated sources " + mutation.digest().substring(0, 12) + "): " + mutation.description();
        }

        @Override
        public String name() { return PREFIX + mutation.name(); }

        @Override
        public String describe() { return description; }

        @Override
        public int dramBytes() { return rtl.dramBytes(); }

        @Override
        public void load(dev.seedverify.golden.elf.ElfImage image) { rtl.load(image); }

        @Override
        public dev.seedverify.golden.lockstep.CommitSource source() { return rtl.source(); }

        @Override
        public void close() { rtl.close(); }
    }
}
