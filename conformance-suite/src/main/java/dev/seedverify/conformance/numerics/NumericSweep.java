package dev.seedverify.conformance.numerics;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one Xseed operation over many operand tiles: a small kernel loads each block of tiles
 * from a data segment and applies the operation. In lockstep every written tile (all 256 bytes)
 * and every flag update is compared with the golden model, whose numerics are checked against
 * exact oracles; so zero divergences means the RTL's arithmetic agrees on every element.
 * Operands are given as binary32/int32 words, 64 per tile; the data is placed directly in an
 * ELF segment (no assembly of megabytes of .word lines).
 */
public final class NumericSweep {
    /** Where operand data starts: after the kernel, page aligned. */
    static final int DATA = Memory.BASE + 0x4000;
    /** Operand bytes per program: the rest of a 1 MiB DRAM, minus room for tohost. */
    static final int MAX_DATA = Memory.DEFAULT_BYTES - 0x4000 - 0x1000;

    /** The operation and how many operand tiles each block has. */
    public enum Op {
        TADD_F32("tadd.f32 m2, m0, m1", 2),
        /** D = 0 + block(A, B): tzero first, so every element is one block-path result. */
        TMMA_E4M3("tzero m2\n        tmma.e4m3 m2, m0, m1", 2),
        TCVT_E4M3("tcvt.e4m3 m2, m0", 1),
        TQUANT_I8("tquant.i8 m2, m0", 1);

        final String body;
        final int tiles;

        Op(String body, int tiles) {
            this.body = body;
            this.tiles = tiles;
        }

        /** Operand words per block. */
        public int wordsPerBlock() { return 64 * tiles; }
    }

    private NumericSweep() {}

    /**
     * Programs that apply {@code op} to {@code operands} (blocks of {@link Op#wordsPerBlock()}
     * words, tile after tile), with {@code csrs} written first (scales, requant parameters).
     */
    public static List<ElfImage> programs(String name, Op op, int[] operands, Map<Csr, Integer> csrs) {
        int perBlock = op.wordsPerBlock();
        if (operands.length % perBlock != 0) {
            throw new IllegalArgumentException(operands.length + " operand words is not a whole number of " + perBlock + "-word blocks");
        }
        int blocksPerProgram = MAX_DATA / (4 * perBlock);
        List<ElfImage> out = new ArrayList<>();
        for (int first = 0; first < operands.length / perBlock; first += blocksPerProgram) {
            int blocks = Math.min(blocksPerProgram, operands.length / perBlock - first);
            out.add(program(name + "-" + out.size(), op, operands, first * perBlock, blocks, csrs));
        }
        return out;
    }

    static ElfImage program(String name, Op op, int[] operands, int from, int blocks, Map<Csr, Integer> csrs) {
        StringBuilder k = new StringBuilder("_start:\n");
        for (Map.Entry<Csr, Integer> c : csrs.entrySet()) {
            k.append(String.format("        li      t0, %d%n        csrw    %s, t0%n", c.getValue(), c.getKey().mnemonic()));
        }
        k.append(String.format("        li      s0, 0x%08x%n        li      s1, %d%n        li      t6, 32%n", DATA, blocks));
        k.append("loop:   tld     m0, (s0), t6\n");
        if (op.tiles == 2) k.append("        addi    t0, s0, 256\n        tld     m1, (t0), t6\n");
        k.append("        ").append(op.body).append('\n');
        k.append(String.format("        addi    s0, s0, %d%n", 256 * op.tiles));
        k.append("""
                        addi    s1, s1, -1
                        bnez    s1, loop
                        li      t1, 1
                        la      t0, tohost
                        sw      t1, 0(t0)
                1:      j       1b
                        .align  3
                tohost: .word   0
                """);
        ElfImage kernel = Assembler.assemble(k.toString(), name + ".S");
        int bytes = blocks * op.wordsPerBlock() * 4;
        byte[] data = new byte[bytes];
        for (int w = 0; w < bytes / 4; w++) {
            int v = operands[from + w];
            data[4 * w] = (byte) v;
            data[4 * w + 1] = (byte) (v >>> 8);
            data[4 * w + 2] = (byte) (v >>> 16);
            data[4 * w + 3] = (byte) (v >>> 24);
        }
        List<ElfImage.LoadSegment> segments = new ArrayList<>(kernel.segments());
        segments.add(new ElfImage.LoadSegment(DATA, data, bytes));
        Map<String, Integer> symbols = new LinkedHashMap<>(kernel.symbols());
        symbols.put("operands", DATA);
        return new ElfImage(name, kernel.entry(), segments, symbols);
    }

    /** Operand words for a tile given as 256 bytes (E4M3 codes). */
    public static void putBytes(int[] words, int wordOffset, byte[] tile) {
        for (int w = 0; w < 64; w++) {
            words[wordOffset + w] = (tile[4 * w] & 0xFF) | (tile[4 * w + 1] & 0xFF) << 8
                    | (tile[4 * w + 2] & 0xFF) << 16 | tile[4 * w + 3] << 24;
        }
    }
}
