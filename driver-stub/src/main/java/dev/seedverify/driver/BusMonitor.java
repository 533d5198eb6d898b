package dev.seedverify.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The bus protocol monitor: a {@link Backend} around any other that watches the host's traffic
 * (MMIO, host memory port) against spec §4 and the {@link ProtocolViolation.Rule}s, whoever
 * produces it. It follows the ring as the device does: the configuration written while the ring
 * is empty, the tail from doorbells, the head from the device's COMPLETION events and the
 * DONE_COUNT the host has read, whichever is ahead. Descriptors are read back (through the wrapped
 * backend, not counted as host traffic) when the tail moves over them.
 *
 * <p>A strict monitor throws {@link ProtocolViolationException} at the offending access (its
 * stack shows the driver code that made it); a lenient one only records. Either way each
 * violation names the bus access and the driver action ({@link #action}) it happened in.
 * Bugs the device silently accepts (a descriptor written after the doorbell but before the
 * device got to it) are caught here.
 */
public final class BusMonitor extends ForwardingBackend {
    private final boolean strict;
    private final List<ProtocolViolation> violations = new ArrayList<>();
    private String action = "";
    private boolean commandMode;
    private int cqBase, cqEntries, tail, head;
    private boolean qerr = true;
    /** Per ring slot: the bytes written since the tail last moved over it (bit i = byte i). */
    private int[] written = new int[0];
    /** Commands submitted, commands completed (from events), and the DONE_COUNT the host last read. */
    private long submitted, completed, observedDone;
    /** Completion records of commands the host has not yet seen complete: {done index, address}. */
    private final Deque<long[]> unseen = new ArrayDeque<>();
    /** Ring slots of commands not yet known consumed: {done index, slot}. */
    private final Deque<long[]> pendingSlots = new ArrayDeque<>();

    public BusMonitor(Backend inner, boolean strict) {
        super(inner);
        this.strict = strict;
    }

    /** Names the driver action the following bus traffic belongs to (for the reports). */
    public void action(String description) { action = description; }

    /** Every violation so far (a strict monitor also threw at each). */
    public List<ProtocolViolation> violations() { return List.copyOf(violations); }

    public void clearViolations() { violations.clear(); }

    // ------------------------------------------------------------------ modes

    @Override
    public void resetCommand() {
        super.resetCommand();
        commandMode = true;
        cqBase = 0;
        cqEntries = 0;
        tail = head = 0;
        qerr = true;
        written = new int[0];
        submitted = completed = observedDone = 0;
        unseen.clear();
        pendingSlots.clear();
    }

    @Override
    public void loadBare(ElfImage image) {
        super.loadBare(image);
        commandMode = false;
    }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        int from = log.size();
        Status s = super.advance(log, maxRecords);
        if (commandMode) {
            for (int i = from; i < log.size(); i++) {
                if (log.isEvent(i) && DeviceEvent.of(log.field(i, CommitLog.EV_KIND)) == DeviceEvent.COMPLETION && cqEntries > 0) {
                    completed++;
                    consumed(Math.max(completed, observedDone));
                }
            }
        }
        return s;
    }

    /**
     * The device consumed the first {@code count} commands since reset: the head is past their
     * slots. The host learns it from DONE_COUNT, which an RTL device may advance (executing while
     * the host uses its ports) before {@link #advance} delivered the completion events.
     */
    private void consumed(long count) {
        while (!pendingSlots.isEmpty() && pendingSlots.peekFirst()[0] < count) {
            head = (int) ((pendingSlots.removeFirst()[1] + 1) & (cqEntries - 1));
        }
    }

    // ------------------------------------------------------------------ MMIO

    @Override
    public int mmioRead(int offset) {
        int v = super.mmioRead(offset);
        if (offset == MmioRegister.DONE_COUNT.offset()) {
            // DONE_COUNT wraps at 2^32; the monitor counts in 64 bits from reset.
            long delta = Integer.toUnsignedLong(v - (int) observedDone);
            observedDone += delta;
            while (!unseen.isEmpty() && unseen.peekFirst()[0] < observedDone) unseen.removeFirst();
            consumed(Math.max(completed, observedDone));
        }
        return v;
    }

    @Override
    public void mmioWrite(int offset, int value) {
        String access = String.format("mmioWrite %s = 0x%x", registerName(offset), value);
        MmioRegister r = offset >= 0 && offset < DeviceTable.MMIO_BYTES && (offset & 3) == 0 ? MmioRegister.at(offset) : null;
        if (r == null || r.access() == MmioRegister.Access.RO) {
            violation(ProtocolViolation.Rule.READ_ONLY_WRITE, r == null ? "no register at this offset" : r + " is read-only", access);
        } else if (r == MmioRegister.CQ_BASE || r == MmioRegister.CQ_ENTRIES) {
            if (head != tail) {
                violation(ProtocolViolation.Rule.RING_CONFIG_WHILE_BUSY, String.format("the ring holds entries %d..%d", head, tail), access);
            } else {
                if (r == MmioRegister.CQ_BASE) cqBase = value;
                else cqEntries = value;
                tail = head = 0;
                qerr = !validRing(cqBase, cqEntries);
                written = qerr ? new int[0] : new int[cqEntries];
            }
        } else if (r == MmioRegister.CQ_TAIL) {
            doorbell(value, access);
        }
        super.mmioWrite(offset, value);
    }

    private void doorbell(int newTail, String access) {
        if (qerr) {
            violation(ProtocolViolation.Rule.TAIL_WHILE_QERR, "the ring is not configured", access);
            return;
        }
        if (Integer.compareUnsigned(newTail, cqEntries) >= 0) {
            violation(ProtocolViolation.Rule.TAIL_OUTSIDE_RING, "the ring has " + cqEntries + " entries", access);
            return;
        }
        int mask = cqEntries - 1;
        int pending = (tail - head) & mask, added = (newTail - tail) & mask;
        if (pending + added > cqEntries - 1) {
            violation(ProtocolViolation.Rule.TAIL_OVERTAKES_HEAD,
                    String.format("head %d, tail %d: %d entries pending, %d more do not fit", head, tail, pending, added), access);
            return;
        }
        for (int k = 0; k < added; k++) {
            int slot = (tail + k) & mask;
            if (written[slot] != -1) {
                violation(ProtocolViolation.Rule.DESCRIPTOR_INCOMPLETE,
                        String.format("slot %d: only %d of %d descriptor bytes written since it was last submitted", slot,
                                Integer.bitCount(written[slot]), DeviceTable.DESCRIPTOR_BYTES), access);
            }
            written[slot] = 0;
            int address = cqBase + DeviceTable.DESCRIPTOR_BYTES * slot;
            // Read through the backdoor: the monitor's look is not host traffic.
            Descriptor d = Descriptor.fromBytes(inner.peekDram(address, DeviceTable.DESCRIPTOR_BYTES), 0);
            checkReserved(slot, d, access);
            unseen.addLast(new long[] {submitted, Integer.toUnsignedLong(d.completionAddress())});
            pendingSlots.addLast(new long[] {submitted, slot});
            submitted++;
        }
        tail = newTail;
    }

    private void checkReserved(int slot, Descriptor d, String access) {
        Opcode op = d.opcode();
        if (op == null) {
            violation(ProtocolViolation.Rule.RESERVED_FIELD_SET, String.format("slot %d: opcode %d is not defined (%s)", slot, d.opcodeCode(), d), access);
            return;
        }
        if (d.flags() != 0) violation(ProtocolViolation.Rule.RESERVED_FIELD_SET, String.format("slot %d: flags 0x%02x (%s)", slot, d.flags(), d), access);
        for (int w = 1; w < DeviceTable.DESC_W_COMPLETION; w++) {
            if (!op.uses(w) && d.word(w) != 0) {
                violation(ProtocolViolation.Rule.RESERVED_FIELD_SET, String.format("slot %d: reserved word %d of %s is 0x%x", slot, w, op, d.word(w)), access);
            }
        }
    }

    // ------------------------------------------------------------------ host memory port

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) {
        if (!qerr && length > 0) {
            long start = Integer.toUnsignedLong(address), end = start + length;
            long ringStart = Integer.toUnsignedLong(cqBase), ringEnd = ringStart + (long) DeviceTable.DESCRIPTOR_BYTES * cqEntries;
            long from = Math.max(start, ringStart), to = Math.min(end, ringEnd);
            int mask = cqEntries - 1;
            for (long a = from; a < to; a++) {
                int slot = (int) ((a - ringStart) / DeviceTable.DESCRIPTOR_BYTES);
                if (((slot - head) & mask) < ((tail - head) & mask)) {
                    violation(ProtocolViolation.Rule.WRITE_TO_PENDING_ENTRY,
                            String.format("slot %d is between head %d and tail %d", slot, head, tail),
                            String.format("hostWrite 0x%08x+%d", address, length));
                    a = ringStart + (long) (slot + 1) * DeviceTable.DESCRIPTOR_BYTES - 1;
                    continue;
                }
                written[slot] |= 1 << (int) ((a - ringStart) % DeviceTable.DESCRIPTOR_BYTES);
            }
        }
        super.hostWrite(address, data, offset, length);
    }

    @Override
    public byte[] hostRead(int address, int length) {
        long start = Integer.toUnsignedLong(address), end = start + length;
        for (long[] u : unseen) {
            if (u[0] >= observedDone && u[1] < end && start < u[1] + DeviceTable.COMPLETION_BYTES) {
                violation(ProtocolViolation.Rule.COMPLETION_READ_EARLY,
                        String.format("the completion record at 0x%08x belongs to command %d since reset; DONE_COUNT read %d", u[1], u[0] + 1,
                                observedDone),
                        String.format("hostRead 0x%08x+%d", address, length));
                break;
            }
        }
        return super.hostRead(address, length);
    }

    // ------------------------------------------------------------------ helpers

    private void violation(ProtocolViolation.Rule rule, String detail, String access) {
        ProtocolViolation v = new ProtocolViolation(rule, detail, access, action);
        violations.add(v);
        if (strict) throw new ProtocolViolationException(v);
    }

    private boolean validRing(int base, int entries) {
        if (entries <= 0 || entries > DeviceTable.RING_MAX_ENTRIES || Integer.bitCount(entries) != 1) return false;
        if (base % DeviceTable.RING_ALIGN != 0) return false;
        long b = Integer.toUnsignedLong(base), dramBase = Integer.toUnsignedLong(Memory.BASE);
        return b >= dramBase && b + (long) DeviceTable.DESCRIPTOR_BYTES * entries <= dramBase + dramBytes();
    }

    private static String registerName(int offset) {
        if (offset >= 0 && offset < DeviceTable.MMIO_BYTES && (offset & 3) == 0) {
            MmioRegister r = MmioRegister.at(offset);
            if (r != null) return r.name();
        }
        return String.format("offset 0x%x", offset);
    }

    @Override
    public String toString() { return "bus monitor on " + inner.name() + ": " + violations.size() + " violations " + Arrays.toString(violations.toArray()); }
}
