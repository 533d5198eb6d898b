package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.DramDigest;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.reports.model.IsolationCounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The isolation property (a security property of the sign-off): a kernel cannot touch memory
 * outside its launch window, and a DMA cannot move bytes outside DRAM. Random kernels try to leave
 * their window on every path: loads and stores of every width just below the base, at and past
 * the limit, elsewhere in DRAM and outside it; tile loads and stores whose rows straddle the base
 * or the limit (both stride signs); jumps to the limit, below the base and out of DRAM; running
 * off the end of the window; an entry pc at the limit. Random COPY and FILL ranges straddle the
 * ends of DRAM or wrap the address space.
 *
 * <p>Checked on any single {@link Backend} (the golden model, the RTL, a mutant): an <em>escape</em>
 * is a launch with an instruction record that fetched, read or wrote outside its window without
 * the access fault, or a DMA attempt that produced a DMA_WRITE event; <em>bytes changed outside
 * the window</em> are found by keeping a shadow of DRAM as the host expects it (its own writes,
 * the window after each launch, the completion record) and comparing the chip's DRAM digest with
 * the shadow's after every command (on a difference, every byte is compared and counted).
 */
public final class IsolationCheck {
    static final int RING = Memory.BASE, RING_ENTRIES = 64, COMPLETION = Memory.BASE + 0x1000;
    /** Windows are placed inside this arena. */
    static final int ARENA = Memory.BASE + 0x1_0000, ARENA_BYTES = 0x2_0000;

    private final Backend chip;
    private final int dramBytes;
    private final byte[] shadow;
    private final CommitLog log = new CommitLog(4096);
    private long shadowDigest;
    private int tail;
    private long launches, dmaAttempts, escapes, bytesChanged;
    private final List<String> firstEscapes = new ArrayList<>();

    /** What the check found, with the first few escapes described. */
    public record Result(String backend, IsolationCounts counts, long dmaAttempts, List<String> escapes) {
        public boolean holds() { return counts.holds(); }
    }

    /** Resets {@code chip} into command mode and configures its ring. */
    public IsolationCheck(Backend chip) {
        this.chip = chip;
        this.dramBytes = chip.dramBytes();
        this.shadow = new byte[dramBytes];
        chip.resetCommand();
        chip.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
        chip.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), RING_ENTRIES);
        if ((chip.mmioRead(MmioRegister.STATUS.offset()) & DeviceTable.STATUS_QERR) != 0) {
            throw new IllegalStateException(chip.name() + " refuses a valid ring: QERR");
        }
        shadowDigest = 0;
    }

    /** Runs {@code launches} launches (and about one DMA attempt per eight) from {@code seed}. */
    public static Result run(Backend chip, long seed, long launches) {
        IsolationCheck c = new IsolationCheck(chip);
        SplittableRandom r = new SplittableRandom(seed);
        while (c.launches < launches) {
            if (r.nextInt(8) == 0) c.dmaAttempt(r);
            else c.launchAttempt(r);
        }
        return c.result();
    }

    public Result result() {
        return new Result(chip.name(), new IsolationCounts(launches, escapes, bytesChanged), dmaAttempts, List.copyOf(firstEscapes));
    }

    // ------------------------------------------------------------------ launches

    void launchAttempt(SplittableRandom r) {
        int size = 4 * (16 + r.nextInt(1009));                                  // 64 .. 4096 bytes
        int base = ARENA + 4 * r.nextInt((ARENA_BYTES - size) / 4);
        int limit = base + size;
        List<String> code = new ArrayList<>();
        String what = attack(r, base, limit, code);
        int codeBytes = 4 * code.size();
        // usually at the base; sometimes ending right at the limit (the kernel runs off its end)
        int codeAt = r.nextInt(6) == 0 ? limit - codeBytes : base;
        int entry = switch (r.nextInt(12)) {
            case 0 -> limit;
            case 1 -> base - 4;
            default -> codeAt;
        };
        ElfImage image = Assembler.assemble(String.join("\n", code) + "\n", "isolation.S", codeAt);
        for (ElfImage.LoadSegment s : image.segments()) {
            byte[] bytes = Arrays.copyOf(s.data(), s.memorySize());
            hostWrite(s.address(), bytes);
        }
        Descriptor d = Descriptor.launch(1, entry, 0, limit - 16, base, limit, 64, COMPLETION);
        launches++;
        execute(d, base, limit, what + String.format(" (window [0x%08x, 0x%08x), entry 0x%08x)", base, limit, entry));
    }

    /** One attempt to leave [base, limit): the kernel's code (a few instructions, then ecall); what it tries. */
    private String attack(SplittableRandom r, int base, int limit, List<String> code) {
        int end = Memory.BASE + dramBytes;
        int[] targets = {base - 4, base - 1, base - 2, base - 32, limit - 4, limit - 2, limit - 1, limit, limit + 4,
                Memory.BASE + r.nextInt(dramBytes) & ~3, end - 4, end, Memory.BASE - 4, 0, r.nextInt()};
        int target = targets[r.nextInt(targets.length)];
        String what;
        switch (r.nextInt(5)) {
            case 0, 1 -> {
                String op = new String[] {"sw", "sh", "sb", "lw", "lh", "lbu"}[r.nextInt(6)];
                code.add("li t0, " + target);
                code.add("li t1, -1");
                code.add(op + (op.startsWith("s") ? " t1, 0(t0)" : " t2, 0(t0)"));
                what = String.format("%s at 0x%08x", op, target);
            }
            case 2 -> {
                // tile rows: row k of 8 straddles the limit (positive stride) or the base (negative stride)
                int k = r.nextInt(8);
                boolean down = r.nextBoolean();
                int stride = down ? -32 : 32;
                int start = down ? base + 16 + 32 * k : limit - 16 - 32 * k;
                if (r.nextInt(4) == 0) start = target & ~3;
                String op = new String[] {"tld", "tst", "tstn"}[r.nextInt(3)];
                code.add("li t0, " + start);
                code.add("li t1, " + stride);
                code.add(op + " m" + r.nextInt(8) + ", (t0), t1");
                what = String.format("%s rows from 0x%08x stride %d", op, start, stride);
            }
            case 3 -> {
                int to = new int[] {limit, limit - 4, base - 4, end, target & ~3}[r.nextInt(5)];
                code.add("li t0, " + to);
                code.add("jalr zero, 0(t0)");
                what = String.format("jump to 0x%08x", to);
            }
            default -> {
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) code.add("addi t0, t0, 1");
                what = "runs to its end";
                code.add(r.nextBoolean() ? "ecall" : "nop");
                return what;
            }
        }
        code.add("ecall");
        return what;
    }

    // ------------------------------------------------------------------ DMA

    void dmaAttempt(SplittableRandom r) {
        int end = Memory.BASE + dramBytes;
        int len = 1 + r.nextInt(256);
        int inside = ARENA + r.nextInt(ARENA_BYTES - 256);
        int bad = switch (r.nextInt(5)) {
            case 0 -> end - r.nextInt(len);                  // straddles the end (or starts at it)
            case 1 -> Memory.BASE - 1 - r.nextInt(len);      // straddles the start
            case 2 -> end;
            case 3 -> 0;
            default -> -r.nextInt(len) - 1;                  // wraps the address space
        };
        Descriptor d;
        String what;
        if (r.nextBoolean()) {
            boolean badDst = r.nextBoolean();
            d = Descriptor.copy(1, badDst ? inside : bad, badDst ? bad : inside, len, COMPLETION);
            what = String.format("COPY %d bytes 0x%08x -> 0x%08x", len, d.word(1), d.word(2));
        } else {
            d = Descriptor.fill(1, bad, len, r.nextInt(), COMPLETION);
            what = String.format("FILL %d bytes at 0x%08x", len, bad);
        }
        dmaAttempts++;
        execute(d, 0, 0, what);
    }

    // ------------------------------------------------------------------ one command

    /** Submits {@code d}, runs to idle, checks the records and DRAM. An empty window [0, 0): any DMA write escapes. */
    private void execute(Descriptor d, int base, int limit, String what) {
        hostWrite(RING + DeviceTable.DESCRIPTOR_BYTES * tail, d.toBytes());
        tail = (tail + 1) % RING_ENTRIES;
        chip.mmioWrite(MmioRegister.CQ_TAIL.offset(), tail);
        String escape = null;
        Backend.Status s;
        long records = 0;
        do {
            log.clear();
            s = chip.advance(log, log.capacity());
            records += log.size();
            if (records > 1_000_000) throw new IllegalStateException(chip.name() + ": the command did not complete: " + what);
            if (escape == null) escape = escapeIn(base, limit);
        } while (s != Backend.Status.IDLE);
        // allowed changes: the window (the kernel's own memory) and the completion record
        if (limit > base) resync(base, limit - base);
        resync(COMPLETION, DeviceTable.COMPLETION_BYTES);
        Completion c = Completion.fromBytes(chip.peekDram(COMPLETION, DeviceTable.COMPLETION_BYTES), 0);
        if (limit == base && c.status() != CompletionStatus.BAD_ADDRESS.code() && escape == null) {
            escape = "the out-of-DRAM range completed with status " + c.status();
        }
        long changed = 0;
        if (chip.dramDigest() != shadowDigest) changed = countAndResync();
        if (escape != null || changed != 0) {
            escapes += escape != null ? 1 : 0;
            bytesChanged += changed;
            if (firstEscapes.size() < 10) {
                firstEscapes.add(what + ": " + (escape != null ? escape : "") + (changed != 0 ? " " + changed + " bytes changed outside the window" : ""));
            }
        }
    }

    /** The first record of the log that left [base, limit), described; null if none. */
    private String escapeIn(int base, int limit) {
        for (int i = 0; i < log.size(); i++) {
            if (log.isEvent(i)) {
                if (log.field(i, CommitLog.EV_KIND) == DeviceEvent.DMA_WRITE.code() && limit == base) {
                    return String.format("a DMA_WRITE event of %d bytes at 0x%08x", log.field(i, CommitLog.EV_ARG), log.field(i, CommitLog.EV_ADDR));
                }
                continue;
            }
            boolean fetchFault = log.trap(i) && log.cause(i) == TrapCause.FETCH_ACCESS.code();
            if (!fetchFault && !inside(log.pc(i), 4, base, limit)) return String.format("fetched at 0x%08x", log.pc(i));
            for (int k = 0; k < log.memCount(i); k++) {
                int addr = log.access(i, k, CommitLog.MEM_ADDR);
                int mask = log.access(i, k, CommitLog.MEM_RMASK) | log.access(i, k, CommitLog.MEM_WMASK);
                for (int b = 0; b < 32; b++) {
                    if ((mask >>> b & 1) != 0 && !inside(addr + b, 1, base, limit)) {
                        return String.format("accessed 0x%08x (pc 0x%08x)", addr + b, log.pc(i));
                    }
                }
            }
        }
        return null;
    }

    private static boolean inside(int a, int n, int base, int limit) {
        long x = a & 0xFFFF_FFFFL;
        return x >= (base & 0xFFFF_FFFFL) && x + n <= (limit & 0xFFFF_FFFFL);
    }

    // ------------------------------------------------------------------ the shadow of DRAM

    private void hostWrite(int address, byte[] bytes) {
        chip.hostWrite(address, bytes, 0, bytes.length);
        update(address - Memory.BASE, bytes);
    }

    /** Takes the chip's bytes of [address, address + length) into the shadow (word-aligned). */
    private void resync(int address, int length) {
        int from = (address - Memory.BASE) & ~3, to = (address - Memory.BASE + length + 3) & ~3;
        update(from, chip.peekDram(Memory.BASE + from, to - from));
    }

    private void update(int off, byte[] bytes) {
        int from = off & ~3, to = (off + bytes.length + 3) & ~3;
        shadowDigest -= DramDigest.part(shadow, from, to - from, from >>> 2);
        System.arraycopy(bytes, 0, shadow, off, bytes.length);
        shadowDigest += DramDigest.part(shadow, from, to - from, from >>> 2);
    }

    /** Counts the bytes where the chip's DRAM differs from the shadow, then adopts the chip's. */
    private long countAndResync() {
        byte[] now = chip.peekDram(Memory.BASE, dramBytes);
        long n = 0;
        for (int i = 0; i < dramBytes; i++) if (now[i] != shadow[i]) n++;
        System.arraycopy(now, 0, shadow, 0, dramBytes);
        shadowDigest = DramDigest.part(shadow, 0, dramBytes, 0);
        return n;
    }
}
