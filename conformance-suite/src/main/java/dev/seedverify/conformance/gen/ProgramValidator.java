package dev.seedverify.conformance.gen;

import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Format;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.golden.isa.Tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules that keep a program meaningful for lockstep comparison and sure to end. Every
 * generated program satisfies them, and the shrinker only accepts candidates that do:
 *
 * <ol>
 *   <li>no generated instruction writes a scaffolding register (x26..x31);</li>
 *   <li>stores go through t4 (data region) or t3 (top of DRAM / fault) only; tile stores whose
 *       rows are all aligned and inside DRAM stay in the data region or the scratch area; so
 *       nothing ever stores to code (fetch after such a store is implementation-defined);</li>
 *   <li>control transfers go forward to a body label (jalr and mret only as compound ops),
 *       never from outside a loop into its body; loop counts are 1..8;</li>
 *   <li>mtvec is never written; operands are legal (the encoder accepts them), illegal ops
 *       really are illegal words;</li>
 *   <li>the program renders: code fits below the data region, every branch offset in range.</li>
 * </ol>
 */
public final class ProgramValidator {
    private ProgramValidator() {}

    public static boolean isValid(Program p) { return problems(p).isEmpty(); }

    /** Every rule the program breaks, one line each; empty when it is valid. */
    public static List<String> problems(Program p) {
        List<String> out = new ArrayList<>();
        List<Op> body = p.body();
        int n = body.size();
        for (int i = 0; i < n; i++) check(p, body.get(i), i, n, out);
        loops(body, out);
        if (out.isEmpty()) {
            try {
                ProgramRenderer.image(p);
            } catch (ProgramRenderer.RenderException e) {
                out.add("does not render: " + e.getMessage());
            }
        }
        return out;
    }

    private static void check(Program p, Op op, int i, int n, List<String> out) {
        String at = "op " + i + ": ";
        if (op.target() >= 0 && (op.target() <= i || op.target() > n)) out.add(at + "target " + op.target() + " is not forward in (" + i + ", " + n + "]");
        if (op instanceof Op.Insn in) {
            Instruction insn = in.insn();
            int[] v = in.operands();
            List<Operand> ops = insn.operands();
            if (v.length != ops.size()) {
                out.add(at + insn.mnemonic() + " needs " + ops.size() + " operands");
                return;
            }
            int word;
            try {
                word = Encoder.encode(insn, v);
            } catch (IllegalArgumentException e) {
                out.add(at + e.getMessage());
                return;
            }
            boolean transfer = insn.format() == Format.B || insn.format() == Format.J;
            if (transfer != (in.target() >= 0)) out.add(at + insn.mnemonic() + (transfer ? " needs a target" : " takes no target"));
            if (in.skew() != 0 && in.skew() != 2) out.add(at + "skew must be 0 or 2");
            if (insn == Instruction.JALR || insn == Instruction.MRET) out.add(at + insn.mnemonic() + " only as a compound op");
            if (insn.category() == Category.TILE_LOAD || insn.category() == Category.TILE_STORE) out.add(at + insn.mnemonic() + " only as a TileMem op");
            if (insn.writesGpr()) {
                int rd = Field.RD.extract(word);
                if (Layout.reserved(rd)) out.add(at + insn.mnemonic() + " writes scaffolding register x" + rd);
            }
            if (insn.category() == Category.STORE) {
                int base = Field.RS1.extract(word);
                if (base != Layout.R_DATA && base != Layout.R_BAD) out.add(at + insn.mnemonic() + " base must be t4 or t3, not x" + base);
            }
            if (insn.category() == Category.CSR && Field.CSR.extract(word) == Csr.MTVEC.address() && insn.writesCsr(word)) {
                out.add(at + "writes mtvec");
            }
            for (int k = 0; k < ops.size(); k++) {
                if (ops.get(k).kind() == OperandKind.PC_OFFSET && v[k] != 0) out.add(at + "the offset operand must be 0 (the target says where)");
            }
        } else if (op instanceof Op.Li li) {
            if (Layout.reserved(li.rd())) out.add(at + "li writes scaffolding register x" + li.rd());
            if (li.rd() < 0 || li.rd() > 31) out.add(at + "bad register " + li.rd());
        } else if (op instanceof Op.TileMem t) {
            Category c = t.insn().category();
            if (c != Category.TILE_LOAD && c != Category.TILE_STORE) out.add(at + t.insn().mnemonic() + " is not a tile load or store");
            if (t.tile() < 0 || t.tile() >= Tiles.COUNT) out.add(at + "tile " + t.tile());
            if (c == Category.TILE_STORE && !tileStoreSafe(t, p.dramBytes())) {
                out.add(String.format("%stile store to 0x%08x stride %d may write outside the data and scratch areas", at, t.address(), t.stride()));
            }
        } else if (op instanceof Op.JumpReg j) {
            if (Layout.reserved(j.rd()) || j.rd() < 0 || j.rd() > 31) out.add(at + "jalr writes scaffolding register x" + j.rd());
            if (j.offset() < 0 || j.offset() > 3) out.add(at + "jalr offset " + j.offset() + " not in 0..3");
            if (j.target() < 0) out.add(at + "jalr needs a target");
        } else if (op instanceof Op.Mret m) {
            if (m.target() < 0) out.add(at + "mret needs a target");
        } else if (op instanceof Op.LoopHead h) {
            if (h.count() < 1 || h.count() > 8) out.add(at + "loop count " + h.count() + " not in 1..8");
        } else if (op instanceof Op.Illegal il) {
            if (Decoder.decode(il.word()) != null) out.add(String.format("%sword 0x%08x is a legal instruction", at, il.word()));
        }
    }

    /** Whether a tile store either writes nothing (misaligned, or some row faults) or only data/scratch bytes. */
    static boolean tileStoreSafe(Op.TileMem t, int dramBytes) {
        if (((t.address() | t.stride()) & 3) != 0) return true;
        int rowBytes = t.insn() == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES;
        boolean allInside = true;
        for (int r = 0; r < Tiles.ROWS; r++) {
            allInside &= Layout.inDram(t.address() + r * t.stride(), rowBytes, dramBytes);
        }
        if (!allInside) return true;
        for (int r = 0; r < Tiles.ROWS; r++) {
            int a = t.address() + r * t.stride();
            if (!Layout.inData(a, rowBytes) && !Layout.inScratch(a, rowBytes, dramBytes)) return false;
        }
        return true;
    }

    private static void loops(List<Op> body, List<String> out) {
        Set<Integer> matched = ProgramRenderer.matchedLoops(body);
        int n = body.size();
        int[] region = new int[n];
        java.util.Arrays.fill(region, -1);
        int open = -1, openHead = -1;
        for (int i = 0; i < n; i++) {
            Op op = body.get(i);
            if (op instanceof Op.LoopHead h && matched.contains(h.id())) {
                if (open >= 0) out.add("op " + i + ": loop " + h.id() + " starts inside loop " + open);
                open = h.id();
                openHead = i;
            } else if (op instanceof Op.LoopTail t && matched.contains(t.id())) {
                for (int k = openHead + 1; k <= i; k++) region[k] = t.id();
                open = -1;
            }
        }
        for (int i = 0; i < n; i++) {
            int t = body.get(i).target();
            if (t >= 0 && t < n && region[t] >= 0 && region[t] != region[i]) {
                out.add("op " + i + ": jumps into the body of loop " + region[t] + " from outside it");
            }
        }
    }
}
