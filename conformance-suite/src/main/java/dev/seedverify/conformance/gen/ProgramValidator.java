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
 *   <li>stores go through t4 (data region) or t3 (top of DRAM / fault), or are {@link Op.StoreAt}
 *       ops; tile stores and fixed-address stores that move bytes stay in the data region, the
 *       scratch area or the prologue (whose words never run again); so the only store to code
 *       that runs later is an {@link Op.Smc}'s, over its own slot, fenced or of the same word
 *       (fetch after an unfenced store to code is implementation-defined);</li>
 *   <li>control transfers go forward to a body label (jalr and mret only as compound ops),
 *       never from outside a loop into its body; loop counts are 1..8;</li>
 *   <li>mtvec is written only by {@link Op.MtvecWrite} (the handler's address, bits 1:0 aside);
 *       operands are legal (the encoder accepts them), illegal ops really are illegal words;</li>
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
                RenderedProgram rp = ProgramRenderer.image(p);
                if (n > 0) prologueStores(p, rp.opStart(0), out);
            } catch (ProgramRenderer.RenderException e) {
                out.add("does not render: " + e.getMessage());
            }
        }
        return out;
    }

    /** Stores that write code must stay in the prologue, below the body's first instruction at {@code bodyStart}. */
    private static void prologueStores(Program p, int bodyStart, List<String> out) {
        for (int i = 0; i < p.size(); i++) {
            Op op = p.op(i);
            int lo, hi;
            if (op instanceof Op.StoreAt st && storeMoves(st, p.dramBytes()) && !Layout.inData(st.address(), st.insn().accessBytes())
                    && !Layout.inScratch(st.address(), st.insn().accessBytes(), p.dramBytes())) {
                lo = st.address();
                hi = st.address() + st.insn().accessBytes();
            } else if (op instanceof Op.TileMem t && t.insn().category() == Category.TILE_STORE && !tileStoreSafe(t, p.dramBytes())) {
                int rowBytes = t.insn() == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES;
                lo = Integer.MAX_VALUE;
                hi = Integer.MIN_VALUE;
                for (int r = 0; r < Tiles.ROWS; r++) {
                    int a = t.address() + r * t.stride();
                    lo = Math.min(lo, a - Layout.CODE_BASE);
                    hi = Math.max(hi, a + rowBytes - Layout.CODE_BASE);
                }
                lo += Layout.CODE_BASE;
                hi += Layout.CODE_BASE;
            } else {
                continue;
            }
            if (Integer.compareUnsigned(lo, Layout.CODE_BASE) < 0 || Integer.compareUnsigned(hi, bodyStart) > 0) {
                out.add(String.format("op %d: store to [0x%08x, 0x%08x) may write outside the data, the scratch area and the prologue (which ends at 0x%08x)",
                        i, lo, hi, bodyStart));
            }
        }
    }

    /** Whether a fixed-address store writes memory: aligned and inside DRAM (else it traps and writes nothing). */
    static boolean storeMoves(Op.StoreAt st, int dramBytes) {
        int bytes = st.insn().accessBytes();
        return (st.address() & (bytes - 1)) == 0 && Layout.inDram(st.address(), bytes, dramBytes);
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
            // A tile store outside the data and scratch areas is checked against the prologue once the program renders.
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
        } else if (op instanceof Op.MtvecWrite mw) {
            boolean imm = mw.insn() == Instruction.CSRRSI || mw.insn() == Instruction.CSRRCI;
            if (mw.insn() != Instruction.CSRRW && mw.insn() != Instruction.CSRRS && mw.insn() != Instruction.CSRRC && !imm) {
                out.add(at + "mtvec write by " + mw.insn().mnemonic() + " would not keep the handler reachable");
            }
            if (mw.low() < 0 || mw.low() > 3) out.add(at + "mtvec low bits " + mw.low() + " not in 0..3");
            if (Layout.reserved(mw.rd()) || mw.rd() < 0 || mw.rd() > 31) out.add(at + "mtvec write reads into scaffolding register x" + mw.rd());
        } else if (op instanceof Op.StoreAt st) {
            if (st.insn().category() != Category.STORE) out.add(at + st.insn().mnemonic() + " is not a store");
            if (st.rs2() < 0 || st.rs2() > 31) out.add(at + "bad register " + st.rs2());
        } else if (op instanceof Op.Smc sm) {
            if (Layout.reserved(sm.rd()) || sm.rd() < 0 || sm.rd() > 31) out.add(at + "self-modifying slot writes scaffolding register x" + sm.rd());
            if (sm.rs1() < 0 || sm.rs1() > 31) out.add(at + "bad register " + sm.rs1());
            if (!Field.IMM_I.accepts(sm.newImm()) || !Field.IMM_I.accepts(sm.oldImm())) out.add(at + "slot immediates out of range");
            if (!sm.fence() && sm.newImm() != sm.oldImm()) out.add(at + "an unfenced store over code must store the word that is there (spec §1)");
            if (sm.gap() < 0 || sm.gap() > 8) out.add(at + "gap " + sm.gap() + " not in 0..8");
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
