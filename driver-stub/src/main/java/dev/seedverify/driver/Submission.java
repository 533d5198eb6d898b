package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/**
 * One command on the queue: its sequence number, tag and ring slot, and once the device
 * completed it, its completion record. {@link S1Device#wait} turns it into a result or an exception.
 */
public final class Submission {
    final S1Device owner;
    private final long sequence;
    private final int tag, ringIndex, completionAddress;
    private final String command;
    /** Device address ranges the command reads or writes, as [start, end) pairs (host access waits for them). */
    final long[] ranges;
    private Completion completion;
    private int trapPc = -1, trapInsn;
    private boolean dropped, traced;

    Submission(S1Device owner, long sequence, int tag, int ringIndex, int completionAddress, String command, long[] ranges) {
        this.owner = owner;
        this.sequence = sequence;
        this.tag = tag;
        this.ringIndex = ringIndex;
        this.completionAddress = completionAddress;
        this.command = command;
        this.ranges = ranges;
    }

    /** 1, 2, ... in submission order on its device. */
    public long sequence() { return sequence; }

    /** The descriptor's tag (the sequence number's low 16 bits). */
    public int tag() { return tag; }

    public int ringIndex() { return ringIndex; }

    public int completionAddress() { return completionAddress; }

    public String command() { return command; }

    public boolean isDone() { return completion != null; }

    /** The completion record, once done. */
    public Completion completion() { return completion; }

    void complete(Completion c) { completion = c; }

    void trace(int pc, int insn) {
        trapPc = pc;
        trapInsn = insn;
        traced = true;
    }

    boolean traced() { return traced; }

    void drop() { dropped = true; }

    boolean dropped() { return dropped; }

    int trapPc() { return trapPc; }

    int trapInsn() { return trapInsn; }

    boolean touches(long start, long end) {
        for (int i = 0; i < ranges.length; i += 2) if (ranges[i] < end && start < ranges[i + 1]) return true;
        return false;
    }

    @Override
    public String toString() { return "command #" + sequence + " (" + command + ")"; }
}
