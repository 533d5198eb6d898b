package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * The first point where a DUT left its reference: what kind of departure, at which record, every
 * differing field, both records, the records that led up to it and the waveform.
 *
 * @param reference     the reference record at {@code order} (null when the reference had stopped)
 * @param dut           the DUT record at {@code order} (null when the DUT stopped, hung or crashed)
 * @param history       up to 16 records (identical on both sides) just before {@code order}, oldest first
 * @param referenceName the reference backend's name (usually {@code golden})
 * @param dutName       the DUT backend's name
 * @param waveform      the DUT's waveform file, or null when tracing was off
 * @param cause         a cause found by replaying the reference ({@link OperandCause#LOAD_USE}), or null;
 *                      the bucket names it instead of the instruction that showed it
 */
public record Divergence(Kind kind, long order, String message, List<FieldDifference> differences,
                         CommitRecord reference, CommitRecord dut, List<CommitRecord> history, String referenceName,
                         String dutName, Path waveform, String cause) {

    /** A divergence whose cause is the first differing record itself. */
    public Divergence(Kind kind, long order, String message, List<FieldDifference> differences, CommitRecord reference, CommitRecord dut,
                      List<CommitRecord> history, String referenceName, String dutName, Path waveform) {
        this(kind, order, message, differences, reference, dut, history, referenceName, dutName, waveform, null);
    }

    /** This divergence attributed to {@code cause}, explained by {@code why} (appended to the message). */
    public Divergence withCause(String cause, String why) {
        return new Divergence(kind, order, message + "; " + why, differences, reference, dut, history, referenceName, dutName, waveform, cause);
    }

    public enum Kind {
        /** Both produced a record and they differ. */
        MISMATCH,
        /** The DUT halted, completed or went idle where the reference went on. */
        DUT_STOPPED_EARLY,
        /** The reference halted, completed or went idle where the DUT went on. */
        REFERENCE_STOPPED_EARLY,
        /** The DUT stopped making progress within its cycle budget. */
        DUT_HANG,
        /** The DUT's model crashed ($fatal, assertion, C++ exception). */
        DUT_CRASH,
        /** The DUT reported another error. */
        DUT_ERROR,
        /**
         * Every record agreed up to the halt, but the state afterwards differs ({@link FinalStateCheck}):
         * a write that no record shows. The differences name the fields ({@code x5}, {@code mscratch},
         * {@code tile[2].word[7]}, {@code dram_digest}, ...).
         */
        FINAL_STATE,
        /**
         * Command mode: every record agreed up to a command's completion, but DRAM afterwards
         * differs ({@link LockstepBackend}): the differences are {@code dram_digest} then the first
         * differing words ({@code dram@0x...}); the message shows the first differing range on both sides.
         */
        DRAM,
        /**
         * Command mode: what the host read at a quiescent point differs ({@link LockstepBackend}):
         * a register ({@code mmio.NAME}), the {@code irq} level or DRAM through the host port ({@code host_read}).
         */
        HOST_READ
    }

    /** The first differing field's name, or the kind for departures without a record pair. */
    public String firstField() {
        return differences.isEmpty() ? kind.name() : differences.get(0).field();
    }
}
