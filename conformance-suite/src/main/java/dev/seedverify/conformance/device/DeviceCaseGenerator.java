package dev.seedverify.conformance.device;

import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Opcode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random device scenarios from a seed: rings of 2 to 64 entries at a random aligned base; streams
 * of 1 to {@code maxCommands} commands, valid (NOP, COPY and FILL of any alignment and overlap,
 * LAUNCH of a random kernel that computes, loads, stores, moves tiles, reads counters and ends by
 * ecall, a trap or its budget) and invalid (bad opcodes, flag bits, reserved words, every
 * BAD_ADDRESS rule, zero lengths, bad completion addresses); the host waiting in between now and
 * then, acknowledging interrupts with random values. Deterministic: the same seed gives the same case.
 */
public final class DeviceCaseGenerator {
    private final int dramBytes;
    private final int maxCommands;

    public DeviceCaseGenerator(int dramBytes, int maxCommands) {
        if (dramBytes < (1 << 20)) throw new IllegalArgumentException("the device layout needs 1 MiB of DRAM, not " + dramBytes);
        this.dramBytes = dramBytes;
        this.maxCommands = maxCommands;
    }

    public DeviceCase generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int entries = 2 << r.nextInt(6);
        int ringBase = DeviceCase.RING_AREA + DeviceTable.RING_ALIGN * r.nextInt(0x1000 / DeviceTable.RING_ALIGN);
        int irqEnable = r.nextInt(4);
        int n = 1 + r.nextInt(maxCommands);
        List<DeviceCase.Command> cmds = new ArrayList<>();
        for (int i = 0; i < n; i++) cmds.add(command(r, i));
        return new DeviceCase(seed, entries, ringBase, irqEnable, cmds);
    }

    private int end() { return DeviceCase.BASE + dramBytes; }

    DeviceCase.Command command(SplittableRandom r, int i) {
        int tag = r.nextInt(0x10000);
        int completion = completion(r, i);
        int kernelAddress = DeviceCase.KERNELS + i * DeviceCase.WINDOW;
        List<String> kernel = List.of();
        Descriptor d;
        int kind = r.nextInt(100);
        if (kind < 10) {
            d = Descriptor.nop(tag, completion);
        } else if (kind < 28) {
            d = Descriptor.copy(tag, dmaAddress(r), dmaAddress(r), length(r), completion);
        } else if (kind < 44) {
            d = Descriptor.fill(tag, dmaAddress(r), length(r), r.nextInt(), completion);
        } else if (kind < 78) {
            kernel = kernel(r);
            int budget = r.nextInt(4) == 0 ? 1 + r.nextInt(12) : 200;
            int entry = r.nextInt(10) == 0 ? kernelAddress + DeviceCase.WINDOW : kernelAddress; // 1 in 10 enters at its limit
            d = Descriptor.launch(tag, entry, r.nextInt(), kernelAddress + DeviceCase.WINDOW - 16, kernelAddress,
                    kernelAddress + DeviceCase.WINDOW, budget, completion);
        } else {
            d = invalid(r, tag, completion, kernelAddress);
        }
        return new DeviceCase.Command(d, kernelAddress, kernel, r.nextInt(4) == 0, r.nextInt(4));
    }

    /** Mostly the command's own slot; sometimes a bad address or the last 16 bytes of DRAM. */
    private int completion(SplittableRandom r, int i) {
        int slot = DeviceCase.COMPLETIONS + DeviceTable.COMPLETION_BYTES * i;
        return switch (r.nextInt(20)) {
            case 0 -> slot + 4 * (1 + r.nextInt(3));      // misaligned
            case 1 -> end() - 8;                          // runs past the end of DRAM
            case 2 -> DeviceCase.BASE - DeviceTable.COMPLETION_BYTES;
            default -> slot;
        };
    }

    private int dmaAddress(SplittableRandom r) {
        return DeviceCase.DATA + (r.nextInt(4) == 0 ? r.nextInt(64) : r.nextInt(0x800));
    }

    private int length(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1 + r.nextInt(8);
            case 2 -> 0x100 + r.nextInt(0x600);
            default -> 1 + r.nextInt(96);
        };
    }

    private Descriptor invalid(SplittableRandom r, int tag, int completion, int kernelAddress) {
        int base = kernelAddress, limit = kernelAddress + DeviceCase.WINDOW;
        return switch (r.nextInt(9)) {
            case 0 -> Descriptor.of((tag << DeviceTable.HEADER_TAG_SHIFT) | (r.nextBoolean() ? 0 : 5 + r.nextInt(251)), r.nextInt(), 0, 0, 0,
                    0, 0, completion);
            case 1 -> Descriptor.nop(tag, completion).with(0, Descriptor.nop(tag, completion).word(0) | (1 + r.nextInt(255)) << DeviceTable.HEADER_FLAGS_SHIFT);
            case 2 -> reservedWord(r, tag, completion);
            case 3 -> Descriptor.launch(tag, base + 2 * (r.nextInt(2)), 0, limit - 16 + r.nextInt(4), base, limit, 50, completion);
            case 4 -> Descriptor.launch(tag, base, 0, 0, limit, r.nextBoolean() ? limit : base, 50, completion); // empty / inverted window
            case 5 -> Descriptor.launch(tag, end() - 0x100, 0, 0, end() - 0x100, end() + 0x100, 50, completion); // window past DRAM
            case 6 -> Descriptor.copy(tag, r.nextBoolean() ? end() - 8 : DeviceCase.BASE - 4, DeviceCase.DATA, 16, completion);
            case 7 -> Descriptor.fill(tag, end() - r.nextInt(16), 17 + r.nextInt(64), r.nextInt(), completion);
            default -> Descriptor.copy(tag, DeviceCase.DATA, DeviceCase.DATA + 0x100, 0x8000_0000, completion); // wraps the address space
        };
    }

    private static Descriptor reservedWord(SplittableRandom r, int tag, int completion) {
        Opcode op = Opcode.values()[r.nextInt(Opcode.values().length)];
        Descriptor d = switch (op) {
            case NOP -> Descriptor.nop(tag, completion);
            case COPY -> Descriptor.copy(tag, DeviceCase.DATA, DeviceCase.DATA + 0x40, 8, completion);
            case FILL -> Descriptor.fill(tag, DeviceCase.DATA, 8, 7, completion);
            case LAUNCH -> null;
        };
        if (d == null) return Descriptor.nop(tag, completion).with(1 + r.nextInt(6), 1 + r.nextInt(1000));
        for (int w = 1; w < 7; w++) if (!op.uses(w)) return d.with(w, 1 + r.nextInt(1000));
        return d;
    }

    /** A short kernel; s0 points at the upper half of its window (its data). */
    static List<String> kernel(SplittableRandom r) {
        List<String> k = new ArrayList<>();
        k.add("auipc s0, 0");
        k.add("addi s0, s0, " + DeviceCase.WINDOW / 2);
        String[] regs = {"t0", "t1", "t2", "a0", "a1"};
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            String rd = regs[r.nextInt(regs.length)], a = regs[r.nextInt(regs.length)], b = regs[r.nextInt(regs.length)];
            switch (r.nextInt(10)) {
                case 0, 1 -> k.add("li " + rd + ", " + (r.nextInt(4096) - 2048));
                case 2 -> k.add(new String[] {"add", "sub", "xor", "mul", "srl", "sltu"}[r.nextInt(6)] + " " + rd + ", " + a + ", " + b);
                case 3 -> k.add("sw " + a + ", " + 4 * r.nextInt(DeviceCase.WINDOW / 8 + 2) + "(s0)"); // up to one word past the limit
                case 4 -> k.add("lw " + rd + ", " + 4 * r.nextInt(DeviceCase.WINDOW / 8) + "(s0)");
                case 5 -> k.add("sb " + a + ", " + r.nextInt(DeviceCase.WINDOW / 2 + 4) + "(s0)");
                case 6 -> k.add("csrr " + rd + ", " + (r.nextBoolean() ? "minstret" : "mcycle"));
                case 7 -> {
                    // eight rows of 32 bytes from s0 + off: past off 0x300 they straddle the window's limit
                    k.add("li t3, 32");
                    k.add("addi t4, s0, " + 32 * r.nextInt(DeviceCase.WINDOW / 64 + 8));
                    k.add(new String[] {"tld m", "tst m", "tstn m"}[r.nextInt(3)] + r.nextInt(8) + ", (t4), t3");
                }
                case 8 -> k.add("addi a0, a0, " + (r.nextInt(64) - 32));
                default -> k.add("sh " + a + ", " + 2 * r.nextInt(DeviceCase.WINDOW / 4 + 2) + "(s0)");
            }
        }
        switch (r.nextInt(8)) {
            case 0 -> k.add("ebreak");
            case 1 -> k.add(".word 0");
            case 2 -> k.add("spin: j spin");
            default -> k.add("ecall");
        }
        return k;
    }
}
