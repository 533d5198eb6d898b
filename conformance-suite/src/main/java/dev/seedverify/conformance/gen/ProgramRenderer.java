package dev.seedverify.conformance.gen;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a {@link Program} twice from one list of items: as commented assembly for people and
 * reproducer files, and as an {@link ElfImage} encoded directly with the ISA table's
 * {@link Encoder} (no text round trip on the hot path). The two agree byte for byte: the
 * assembly uses the table syntax, {@code li}/{@code la} expand as the assembler expands them,
 * and a test assembles many programs to prove it.
 */
public final class ProgramRenderer {
    private static final int COMMENT_COLUMN = 40;

    private ProgramRenderer() {}

    /** Thrown when a program cannot be laid out (code too large, a branch out of range). */
    public static final class RenderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderException(String message) { super(message); }
    }

    // ------------------------------------------------------------------ items

    private sealed interface Item {}

    private record Label(String name) implements Item {}

    private record Ins(Instruction insn, int[] ops, String target, int skew, String comment) implements Item {}

    private record LiItem(int rd, int value, String comment) implements Item {}

    private record LaItem(int rd, String label, String comment) implements Item {}

    private record Word(int word, String comment) implements Item {}

    private record Comment(String text) implements Item {}

    private record Raw(String text) implements Item {}

    private record Align(int alignment) implements Item {}

    private record Data(byte[] bytes, int from, int to) implements Item {}

    private record OpMark(int index, boolean start) implements Item {}

    private static final class Builder {
        final List<Item> items = new ArrayList<>(256);
        final boolean text;

        Builder(boolean text) { this.text = text; }

        void label(String n) { items.add(new Label(n)); }

        void ins(Instruction insn, String comment, int... ops) { items.add(new Ins(insn, ops, null, 0, comment)); }

        void branch(Instruction insn, String target, int skew, String comment, int... ops) { items.add(new Ins(insn, ops, target, skew, comment)); }

        void li(int rd, int v, String comment) { items.add(new LiItem(rd, v, comment)); }

        void la(int rd, String label, String comment) { items.add(new LaItem(rd, label, comment)); }

        void comment(String t) { if (text) items.add(new Comment(t)); }

        void raw(String t) { if (text) items.add(new Raw(t)); }
    }

    // ------------------------------------------------------------------ program to items

    /** The image and the assembly text. */
    public static RenderedProgram render(Program p) { return render(p, true); }

    /** The image only (the hot path of campaigns); {@link RenderedProgram#assembly()} renders the text on demand. */
    public static RenderedProgram image(Program p) { return render(p, false); }

    static RenderedProgram render(Program p, boolean withText) {
        Builder b = new Builder(withText);
        List<Op> body = p.body();
        int n = body.size();
        Set<Integer> loops = matchedLoops(body);
        Set<Integer> targets = new HashSet<>();
        for (Op op : body) if (op.target() >= 0) targets.add(Math.min(op.target(), n));

        if (withText) {
            b.raw("# SeedVerify generated program: seed " + p.seed() + ", weights " + p.weights() + ", DRAM " + p.dramBytes() + " bytes");
            b.raw("# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).");
            b.raw("");
        }
        b.label("_start");
        b.comment("prologue: trap vector, scaffolding registers, initial register values");
        b.la(Layout.R_HANDLER, "handler", "trap handler address");
        b.ins(Instruction.CSRRW, "mtvec = handler", Gpr.ZERO, Csr.MTVEC.address(), Layout.R_HANDLER);
        b.li(Layout.R_DATA, Layout.DATA_POINTER, "t4 = data pointer (middle of the data region)");
        b.li(Layout.R_BAD, Layout.dramEnd(p.dramBytes()), "t3 = first address past DRAM");
        for (int r = 1; r <= Layout.GENERAL_REGS; r++) {
            if (p.init(r) != 0) b.li(r, p.init(r), "");
        }
        if (withText) b.comment("body: " + n + " ops");
        for (int i = 0; i < n; i++) {
            if (targets.contains(i)) b.label(opLabel(i));
            b.items.add(new OpMark(i, true));
            op(b, body.get(i), i, loops, p);
            b.items.add(new OpMark(i, false));
        }
        if (targets.contains(n)) b.label(opLabel(n));
        b.comment("epilogue: tohost = 1 (pass)");
        b.li(Layout.R_HANDLER, 1, "");
        b.li(Layout.R_LOOP, Layout.TOHOST, "");
        b.ins(Instruction.SW, "", Layout.R_HANDLER, 0, Layout.R_LOOP);
        b.label(".Lhalt");
        b.branch(Instruction.JAL, ".Lhalt", 0, "", Gpr.ZERO, 0);
        b.raw("");
        b.comment("trap handler: return to ra after a fetch access fault (cause 1), else skip the trapping instruction");
        b.label("handler");
        b.ins(Instruction.CSRRS, "", Layout.R_HANDLER, Csr.MCAUSE.address(), Gpr.ZERO);
        b.ins(Instruction.ADDI, "", Layout.R_HANDLER, Layout.R_HANDLER, -1);
        b.branch(Instruction.BNE, ".Lskip", 0, "", Layout.R_HANDLER, Gpr.ZERO, 0);
        b.ins(Instruction.CSRRW, "", Gpr.ZERO, Csr.MEPC.address(), Layout.R_LINK);
        b.ins(Instruction.MRET, "");
        b.label(".Lskip");
        b.ins(Instruction.CSRRS, "", Layout.R_HANDLER, Csr.MEPC.address(), Gpr.ZERO);
        b.ins(Instruction.ADDI, "", Layout.R_HANDLER, Layout.R_HANDLER, 4);
        b.ins(Instruction.CSRRW, "", Gpr.ZERO, Csr.MEPC.address(), Layout.R_HANDLER);
        b.ins(Instruction.MRET, "");
        b.raw("");
        b.items.add(new Align(Layout.DATA_START - Layout.CODE_BASE));
        b.label("data");
        byte[] data = p.data();
        for (int blk = 0; blk < Layout.BLOCKS; blk++) {
            if (withText) b.comment(String.format("block %d @ 0x%08x: %s", blk, Layout.blockAddress(blk), p.blockNote(blk)));
            b.items.add(new Data(data, blk * Layout.BLOCK_BYTES, (blk + 1) * Layout.BLOCK_BYTES));
        }
        b.label("tohost");
        b.items.add(new Data(new byte[8], 0, 8));
        return emit(p, b.items, n, withText);
    }

    static String opLabel(int i) { return ".L" + i; }

    /** Loop ids with exactly one head before exactly one tail. */
    static Set<Integer> matchedLoops(List<Op> body) {
        Map<Integer, Integer> head = new HashMap<>(), tail = new HashMap<>(), heads = new HashMap<>(), tails = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof Op.LoopHead h) {
                head.put(h.id(), i);
                heads.merge(h.id(), 1, Integer::sum);
            } else if (body.get(i) instanceof Op.LoopTail t) {
                tail.put(t.id(), i);
                tails.merge(t.id(), 1, Integer::sum);
            }
        }
        Set<Integer> ok = new HashSet<>();
        for (Map.Entry<Integer, Integer> e : head.entrySet()) {
            Integer t = tail.get(e.getKey());
            if (t != null && t > e.getValue() && heads.get(e.getKey()) == 1 && tails.get(e.getKey()) == 1) ok.add(e.getKey());
        }
        return ok;
    }

    private static void op(Builder b, Op op, int i, Set<Integer> loops, Program p) {
        String c = !b.text ? "" : "[" + i + "]" + annotate(p, i, op);
        if (op instanceof Op.Insn in) {
            if (in.target() >= 0) b.branch(in.insn(), opLabel(in.target()), in.skew(), c, in.operands());
            else b.ins(in.insn(), c, in.operands());
        } else if (op instanceof Op.Li li) {
            b.li(li.rd(), li.value(), c);
        } else if (op instanceof Op.TileMem t) {
            b.li(Layout.R_ADDR, t.address(), c);
            int strideReg = Gpr.ZERO;
            if (t.stride() != 0) {
                b.li(Layout.R_STRIDE, t.stride(), "");
                strideReg = Layout.R_STRIDE;
            }
            b.ins(t.insn(), "", t.tile(), Layout.R_ADDR, strideReg);
        } else if (op instanceof Op.JumpReg j) {
            b.la(Layout.R_ADDR, opLabel(j.target()), c);
            b.ins(Instruction.JALR, "", j.rd(), Layout.R_ADDR, j.offset());
        } else if (op instanceof Op.FetchFault) {
            b.ins(Instruction.JALR, c, Layout.R_LINK, Layout.R_BAD, 0);
        } else if (op instanceof Op.Mret m) {
            b.la(Layout.R_ADDR, opLabel(m.target()), c);
            b.ins(Instruction.CSRRW, "", Gpr.ZERO, Csr.MEPC.address(), Layout.R_ADDR);
            b.ins(Instruction.MRET, "");
        } else if (op instanceof Op.LoopHead h) {
            if (loops.contains(h.id())) {
                b.li(Layout.R_LOOP, h.count(), c + " loop " + h.id() + ": " + h.count() + " iterations");
                b.label(".Lloop" + h.id());
            } else {
                b.comment(c + " (head of loop " + h.id() + ", whose tail was removed)");
            }
        } else if (op instanceof Op.LoopTail t) {
            if (loops.contains(t.id())) {
                b.ins(Instruction.ADDI, c + " end of loop " + t.id(), Layout.R_LOOP, Layout.R_LOOP, -1);
                b.branch(Instruction.BLT, ".Lloop" + t.id(), 0, "", Gpr.ZERO, Layout.R_LOOP, 0);
            } else {
                b.comment(c + " (tail of loop " + t.id() + ", whose head was removed)");
            }
        } else if (op instanceof Op.Illegal il) {
            b.items.add(new Word(il.word(), c));
        } else if (op instanceof Op.MtvecWrite mw) {
            int csr = Csr.MTVEC.address();
            switch (mw.insn()) {
                case CSRRW -> {
                    b.la(Layout.R_ADDR, "handler", c);
                    b.ins(Instruction.ADDI, "", Layout.R_ADDR, Layout.R_ADDR, mw.low());
                    b.ins(Instruction.CSRRW, "", mw.rd(), csr, Layout.R_ADDR);
                }
                case CSRRS, CSRRC -> {
                    b.li(Layout.R_ADDR, mw.low(), c);
                    b.ins(mw.insn(), "", mw.rd(), csr, Layout.R_ADDR);
                }
                default -> b.ins(mw.insn(), c, mw.rd(), csr, mw.low());
            }
        } else if (op instanceof Op.StoreAt st) {
            b.li(Layout.R_ADDR, st.address(), c);
            b.ins(st.insn(), "", st.rs2(), 0, Layout.R_ADDR);
        } else if (op instanceof Op.Smc sm) {
            String slot = ".Lsmc" + i;
            b.la(Layout.R_ADDR, slot, c);
            int word = Encoder.encode(Instruction.ADDI, sm.rd(), sm.rs1(), sm.newImm());
            b.li(Layout.R_STRIDE, word, b.text ? "the new word: " + Disassembler.disassemble(word, 0, false).replace('\t', ' ') : "");
            b.ins(Instruction.SW, "store it over the slot", Layout.R_STRIDE, 0, Layout.R_ADDR);
            if (sm.fence()) b.ins(Instruction.FENCE_I, "", 0, 0, 0);
            for (int k = 0; k < sm.gap(); k++) b.ins(Instruction.ADDI, "", 0, 0, 0);
            b.label(slot);
            b.ins(Instruction.ADDI, sm.fence() ? "the slot: runs as the stored word" : "the slot: the stored word is the same", sm.rd(), sm.rs1(), sm.oldImm());
        } else {
            throw new IllegalStateException("unknown op " + op);
        }
    }

    /** The comment of op {@code i}: what it does that the instruction text does not say, and its hazards. */
    static String annotate(Program p, int i, Op op) {
        List<String> parts = new ArrayList<>();
        if (!op.note().isEmpty()) parts.add(op.note());
        if (op instanceof Op.Insn in) {
            Instruction insn = in.insn();
            int[] v = in.operands();
            List<Operand> operands = insn.operands();
            if (op.note().isEmpty()) {
                int base = -1, imm = 0;
                for (int k = 0; k < v.length; k++) {
                    if (operands.get(k).name().equals("rs1")) base = v[k];
                    if (operands.get(k).name().equals("imm")) imm = v[k];
                }
                if (insn.accessBytes() > 0 && base == Layout.R_DATA && (imm & (insn.accessBytes() - 1)) != 0) parts.add("misaligned");
                if (insn.accessBytes() > 0 && base == Layout.R_BAD) parts.add(imm >= 0 ? "past the end of DRAM: access fault" : "top of DRAM");
                if (in.skew() != 0) parts.add("target misaligned if taken");
            }
            for (int k = 0; k < v.length; k++) {
                if (operands.get(k).kind() == OperandKind.UNUSED && v[k] != 0) {
                    parts.add("unused fields set: still a " + insn.mnemonic() + " (spec §1)");
                    break;
                }
            }
            for (int k = 0; k < v.length; k++) {
                Operand o = operands.get(k);
                if (o.kind() != OperandKind.GPR || o.name().equals("rd") || v[k] == 0) continue;
                int d = distanceToWriter(p, i, v[k]);
                if (d > 0) parts.add(Gpr.name(v[k]) + " from " + d + " op" + (d > 1 ? "s" : "") + " back");
            }
        } else if (op instanceof Op.TileMem t && op.note().isEmpty()) {
            if (((t.address() | t.stride()) & 3) != 0) parts.add("misaligned");
            else if (Layout.inData(t.address(), 1)) {
                int blk = (t.address() - Layout.DATA_START) / Layout.BLOCK_BYTES;
                parts.add("block " + blk + (t.stride() != 32 ? ", stride " + t.stride() : ""));
            }
        }
        return parts.isEmpty() ? "" : " " + String.join("; ", parts);
    }

    /** How many ops back (1..4) register {@code reg} was last written before op {@code i}, or 0. */
    private static int distanceToWriter(Program p, int i, int reg) {
        for (int d = 1; d <= 4 && i - d >= 0; d++) {
            Op w = p.op(i - d);
            int written = -1;
            if (w instanceof Op.Insn in && in.insn().writesGpr()) {
                List<Operand> ops = in.insn().operands();
                for (int k = 0; k < ops.size(); k++) if (ops.get(k).name().equals("rd")) written = in.operand(k);
            } else if (w instanceof Op.Li li) {
                written = li.rd();
            } else if (w instanceof Op.JumpReg j) {
                written = j.rd();
            } else if (w instanceof Op.LoopHead) {
                written = Layout.R_LOOP;
            }
            if (written == reg) return d;
        }
        return 0;
    }

    // ------------------------------------------------------------------ items to text and bytes

    private static int liSize(int v) { return fits12(v) || lo(v) == 0 ? 4 : 8; }

    private static boolean fits12(int v) { return v >= -2048 && v <= 2047; }

    private static int hi(int v) { return ((v + 0x800) >>> 12) & 0xFFFFF; }

    private static int lo(int v) { return (v << 20) >> 20; }

    private static RenderedProgram emit(Program p, List<Item> items, int n, boolean text) {
        // Pass 1: addresses.
        Map<String, Integer> labels = new HashMap<>();
        int pc = Layout.CODE_BASE;
        int codeEnd = 0;
        for (Item it : items) {
            if (it instanceof Label l) {
                labels.put(l.name(), pc);
            } else if (it instanceof Ins || it instanceof Word) {
                pc += 4;
            } else if (it instanceof LiItem li) {
                pc += liSize(li.value());
            } else if (it instanceof LaItem) {
                pc += 8;
            } else if (it instanceof Align a) {
                codeEnd = pc;
                int off = pc - Layout.CODE_BASE;
                if (Integer.compareUnsigned(off, a.alignment()) > 0) {
                    throw new RenderException(String.format("code of %d bytes does not fit below 0x%08x", off, Layout.CODE_LIMIT));
                }
                pc = Layout.CODE_BASE + a.alignment();
            } else if (it instanceof Data d) {
                pc += d.to() - d.from();
            }
        }
        // Pass 2: bytes and text.
        Out out = new Out(pc - Layout.CODE_BASE);
        StringBuilder s = text ? new StringBuilder(64 * 1024) : null;
        int[] opStart = new int[n], opEnd = new int[n];
        int bodyWords = 0;
        boolean inBody = false;
        pc = Layout.CODE_BASE;
        for (Item it : items) {
            int before = pc;
            if (it instanceof Label l) {
                if (text) s.append(l.name()).append(":\n");
            } else if (it instanceof Comment c) {
                if (text) s.append("    # ").append(c.text()).append('\n');
            } else if (it instanceof Raw r) {
                if (text) s.append(r.text()).append('\n');
            } else if (it instanceof OpMark m) {
                if (m.start()) opStart[m.index()] = pc;
                else opEnd[m.index()] = pc;
                inBody = m.start();
            } else if (it instanceof Ins x) {
                int off = 0;
                String targetText = null;
                if (x.target() != null) {
                    Integer t = labels.get(x.target());
                    if (t == null) throw new IllegalStateException("no label " + x.target());
                    off = t + x.skew() - pc;
                    targetText = !text ? x.target() : x.target() + (x.skew() != 0 ? "+" + x.skew() : "");
                }
                int[] ops = x.ops().clone();
                List<Operand> operands = x.insn().operands();
                for (int k = 0; k < operands.size(); k++) {
                    if (operands.get(k).kind() == OperandKind.PC_OFFSET) {
                        if (!operands.get(k).field().accepts(off)) {
                            throw new RenderException(String.format("%s at 0x%08x: offset %d to %s out of range", x.insn().mnemonic(), pc, off, targetText));
                        }
                        ops[k] = off;
                    }
                }
                int word;
                try {
                    word = Encoder.encode(x.insn(), ops);
                } catch (IllegalArgumentException e) {
                    throw new RenderException(e.getMessage());
                }
                word(out, word);
                if (text) line(s, format(x.insn(), ops, targetText, pc), x.comment());
                pc += 4;
            } else if (it instanceof Word w) {
                word(out, w.word());
                if (text) line(s, String.format(".word   0x%08x", w.word()), w.comment());
                pc += 4;
            } else if (it instanceof LiItem li) {
                int v = li.value();
                if (fits12(v)) {
                    word(out, Encoder.encode(Instruction.ADDI, li.rd(), Gpr.ZERO, v));
                } else {
                    word(out, Encoder.encode(Instruction.LUI, li.rd(), hi(v)));
                    if (lo(v) != 0) word(out, Encoder.encode(Instruction.ADDI, li.rd(), li.rd(), lo(v)));
                }
                if (text) {
                    String value = fits12(v) ? Integer.toString(v) : String.format("0x%08x", v);
                    line(s, pad("li") + Gpr.name(li.rd()) + ", " + value, li.comment());
                }
                pc += liSize(v);
            } else if (it instanceof LaItem la) {
                Integer t = labels.get(la.label());
                if (t == null) throw new IllegalStateException("no label " + la.label());
                int off = t - pc;
                word(out, Encoder.encode(Instruction.AUIPC, la.rd(), hi(off)));
                word(out, Encoder.encode(Instruction.ADDI, la.rd(), la.rd(), lo(off)));
                if (text) line(s, pad("la") + Gpr.name(la.rd()) + ", " + la.label(), la.comment());
                pc += 8;
            } else if (it instanceof Align a) {
                int target = Layout.CODE_BASE + a.alignment();
                out.skip(target - pc);
                pc = target;
                if (text) s.append("    .balign ").append(a.alignment()).append('\n');
            } else if (it instanceof Data d) {
                out.write(d.bytes(), d.from(), d.to() - d.from());
                if (text) dataText(s, d.bytes(), d.from(), d.to());
                pc += d.to() - d.from();
            }
            if (inBody && !(it instanceof OpMark)) bodyWords += (pc - before) / 4;
        }
        byte[] bytes = out.bytes;
        Map<String, Integer> symbols = new TreeMap<>();
        for (String name : List.of("_start", "handler", "data", "tohost")) symbols.put(name, labels.get(name));
        // Two segments, code and data + tohost: loading skips the zero gap between them (the
        // assembler's single segment holds the same bytes, gap included).
        int codeBytes = codeEnd - Layout.CODE_BASE, dataOff = Layout.DATA_START - Layout.CODE_BASE;
        byte[] code = java.util.Arrays.copyOf(bytes, codeBytes);
        byte[] dataSeg = java.util.Arrays.copyOfRange(bytes, dataOff, bytes.length);
        ElfImage image = new ElfImage("seed-" + p.seed() + ".S", Layout.CODE_BASE,
                List.of(new ElfImage.LoadSegment(Layout.CODE_BASE, code, code.length),
                        new ElfImage.LoadSegment(Layout.DATA_START, dataSeg, dataSeg.length)), symbols);
        return new RenderedProgram(p, text ? s.toString() : null, image, opStart, opEnd, bodyWords, codeEnd);
    }

    /** The image's bytes, written in order. */
    private static final class Out {
        final byte[] bytes;
        int n;

        Out(int size) { bytes = new byte[size]; }

        void skip(int k) { n += k; }

        void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, n, len);
            n += len;
        }
    }

    private static void word(Out out, int w) {
        byte[] b = out.bytes;
        int n = out.n;
        b[n] = (byte) w;
        b[n + 1] = (byte) (w >>> 8);
        b[n + 2] = (byte) (w >>> 16);
        b[n + 3] = (byte) (w >>> 24);
        out.n = n + 4;
    }

    private static String pad(String mnemonic) {
        return mnemonic.length() >= 8 ? mnemonic + " " : mnemonic + " ".repeat(8 - mnemonic.length());
    }

    private static void line(StringBuilder s, String text, String comment) {
        s.append("    ").append(text);
        if (comment != null && !comment.isEmpty()) {
            int len = 4 + text.length();
            s.append(" ".repeat(Math.max(1, COMMENT_COLUMN - len))).append("# ").append(comment);
        }
        s.append('\n');
    }

    /**
     * The instruction in the table's syntax (or objdump's own spelling where the table folds one in:
     * {@code fence rw, w}, {@code fence.tso}), operands formatted as the disassembler does, targets as labels.
     */
    static String format(Instruction insn, int[] ops, String targetText, int pc) {
        Disassembler.Alias spelled = Disassembler.spelling(insn, ops);
        String mnemonic = spelled != null ? spelled.mnemonic() : insn.mnemonic();
        String syntax = spelled != null ? spelled.syntax() : insn.syntax();
        if (syntax.isEmpty()) return mnemonic;
        StringBuilder sb = new StringBuilder(pad(mnemonic));
        List<Operand> operands = insn.operands();
        int i = 0;
        while (i < syntax.length()) {
            char ch = syntax.charAt(i);
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                int j = i;
                while (j < syntax.length() && (Character.isLetterOrDigit(syntax.charAt(j)) || syntax.charAt(j) == '_')) j++;
                String name = syntax.substring(i, j);
                int k = 0;
                while (!operands.get(k).name().equals(name)) k++;
                Operand o = operands.get(k);
                sb.append(o.kind() == OperandKind.PC_OFFSET ? targetText : Disassembler.formatOperand(o, ops[k], pc));
                i = j;
            } else {
                sb.append(ch);
                i++;
            }
        }
        return sb.toString();
    }

    private static void dataText(StringBuilder s, byte[] d, int from, int to) {
        int zeros = 0;
        for (int line = from; line < to; line += 32) {
            int end = Math.min(to, line + 32);
            boolean allZero = true;
            for (int k = line; k < end; k++) allZero &= d[k] == 0;
            if (allZero) {
                zeros += end - line;
                continue;
            }
            if (zeros > 0) {
                s.append("    .zero ").append(zeros).append('\n');
                zeros = 0;
            }
            s.append("    .word ");
            for (int k = line; k < end; k += 4) {
                int w = (d[k] & 0xFF) | (d[k + 1] & 0xFF) << 8 | (d[k + 2] & 0xFF) << 16 | (d[k + 3] & 0xFF) << 24;
                s.append(k == line ? "" : ", ").append(String.format("0x%08x", w));
            }
            s.append('\n');
        }
        if (zeros > 0) s.append("    .zero ").append(zeros).append('\n');
    }
}
