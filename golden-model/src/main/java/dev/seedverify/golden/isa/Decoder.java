package dev.seedverify.golden.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes instruction words with the {@link Instruction} table. A word is legal when exactly one
 * instruction's fixed bits match and every operand is a legal value of its kind (tile index < 8,
 * an existing CSR, and no write to a read-only CSR).
 */
public final class Decoder {
    private static final Instruction[][] BY_OPCODE = new Instruction[128][];

    static {
        List<List<Instruction>> buckets = new ArrayList<>();
        for (int i = 0; i < 128; i++) buckets.add(new ArrayList<>());
        for (Instruction insn : Instruction.all()) {
            buckets.get(insn.match() & 0x7F).add(insn);
        }
        for (int op = 0; op < 128; op++) {
            List<Instruction> b = buckets.get(op);
            // The table must be unambiguous: no word may match two entries.
            for (int i = 0; i < b.size(); i++) {
                for (int j = i + 1; j < b.size(); j++) {
                    Instruction x = b.get(i), y = b.get(j);
                    if (((x.match() ^ y.match()) & x.mask() & y.mask()) == 0) {
                        throw new ExceptionInInitializerError("ISA table overlap: " + x + " and " + y);
                    }
                }
            }
            BY_OPCODE[op] = b.toArray(new Instruction[0]);
        }
    }

    private Decoder() {}

    /** The instruction {@code word} encodes, or null if the word is an illegal instruction. */
    public static Instruction decode(int word) {
        Instruction insn = match(word);
        return insn != null && operandsLegal(insn, word) ? insn : null;
    }

    public static boolean isLegal(int word) { return decode(word) != null; }

    /** Why a word is an illegal instruction. */
    public enum Illegality {
        /** No instruction has these fixed bits (including non-zero reserved fields). */
        UNKNOWN_ENCODING,
        /** A tile operand field holds 8 or more. */
        TILE_INDEX,
        /** The CSR number names no CSR of the S1. */
        UNKNOWN_CSR,
        /** The encoding writes a read-only CSR. */
        READ_ONLY_CSR_WRITE
    }

    /** Why {@code word} is illegal, or null when it is legal. */
    public static Illegality illegality(int word) {
        Instruction insn = match(word);
        if (insn == null) return Illegality.UNKNOWN_ENCODING;
        for (Operand o : insn.operands()) {
            int v = o.field().extract(word);
            if (o.kind() == OperandKind.TILE && v >= Tiles.COUNT) return Illegality.TILE_INDEX;
            if (o.kind() == OperandKind.CSR) {
                Csr csr = Csr.byAddress(v);
                if (csr == null) return Illegality.UNKNOWN_CSR;
                if (csr.readOnly() && insn.writesCsr(word)) return Illegality.READ_ONLY_CSR_WRITE;
            }
        }
        return null;
    }

    /** Why {@code word} is illegal in words, or null when it is legal. For error messages and disassembly. */
    public static String whyIllegal(int word) {
        Illegality why = illegality(word);
        if (why == null) return null;
        Instruction insn = match(word);
        return switch (why) {
            case UNKNOWN_ENCODING -> "no instruction has these fixed bits";
            case TILE_INDEX -> {
                for (Operand o : insn.operands()) {
                    int v = o.field().extract(word);
                    if (o.kind() == OperandKind.TILE && v >= Tiles.COUNT) {
                        yield insn.mnemonic() + ": tile operand " + o.name() + " = " + v + " is not < " + Tiles.COUNT;
                    }
                }
                throw new AssertionError(why);
            }
            case UNKNOWN_CSR -> insn.mnemonic() + ": CSR 0x" + Integer.toHexString(Field.CSR.extract(word)) + " does not exist";
            case READ_ONLY_CSR_WRITE -> insn.mnemonic() + ": write to read-only CSR " + Csr.byAddress(Field.CSR.extract(word)).mnemonic();
        };
    }

    /** The table entry whose fixed bits match, ignoring operand legality. */
    static Instruction match(int word) {
        for (Instruction insn : BY_OPCODE[word & 0x7F]) {
            if (insn.matches(word)) return insn;
        }
        return null;
    }

    private static boolean operandsLegal(Instruction insn, int word) {
        switch (insn.format()) {
            case TILE_MEMORY, TILE_D, TILE_DA, TILE_DAB, TILE_PUT:
                if (Field.RD.extract(word) >= Tiles.COUNT) return false;
                break;
            case CSR, CSR_IMM: {
                Csr csr = Csr.byAddress(Field.CSR.extract(word));
                return csr != null && !(csr.readOnly() && insn.writesCsr(word));
            }
            default:
                break;
        }
        switch (insn.format()) {
            case TILE_DA, TILE_DAB, TILE_GET:
                if (Field.RS1.extract(word) >= Tiles.COUNT) return false;
                break;
            default:
                break;
        }
        return insn.format() != Format.TILE_DAB || Field.RS2.extract(word) < Tiles.COUNT;
    }
}
