package dev.seedverify.conformance.dut;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.lockstep.CommitSource;

/**
 * A device under test that runs many programs one after another without being rebuilt: the
 * golden model, the RTL simulation (one Verilator model reset between programs), or a
 * deliberately faulty model in tests. The property engine, the campaign and the replayer only
 * see this interface.
 *
 * <p>Use: {@link #load} a program (which also resets the DUT in bare mode, spec §3), then drive
 * {@link #source()} with {@link dev.seedverify.golden.lockstep.Lockstep}; repeat. The source is
 * the same object for the target's whole life, so one {@code Lockstep} can be reused too.
 * Like an RTL simulator, a target is used on the thread that opened it.
 */
public interface DutTarget extends AutoCloseable {

    /** The name it is selected by ({@code golden}, {@code rtl}, ...). */
    String name();

    /** A description for reports, e.g. the RTL model and Verilator version. */
    String describe();

    /** The DRAM size the DUT was built or opened with. */
    int dramBytes();

    /** Loads {@code image} (DRAM zeroed first) and resets the DUT in bare mode, ready to run from 0x8000_0000. */
    void load(ElfImage image);

    /** The DUT as a commit source, positioned at the reset after the last {@link #load}. */
    CommitSource source();

    @Override
    void close();
}
