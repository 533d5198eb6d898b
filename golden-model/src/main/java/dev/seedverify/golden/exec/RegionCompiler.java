package dev.seedverify.golden.exec;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Instruction;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link RegionPlan} into the bytes of a class extending {@link TranslatedRegion}: one
 * method whose control flow is the guest code's, with the guest registers in JVM locals, so
 * HotSpot compiles guest loops into host loops.
 *
 * <p>Translated code does only the common case of each instruction. Whatever the interpreter must
 * decide — a trap (misaligned or out-of-window access, misaligned target, ecall, ebreak, illegal),
 * a tohost store, CSRs, tile instructions, {@code mret} — it hands to
 * {@link Hart#stepFromTranslation} for that one instruction, with the registers written back
 * first (one shared step that every such site jumps to). So traps, counters and records are the
 * interpreter's by construction.
 *
 * <p>Calls the plan follows are jumps here, and an indirect jump whose target is one of the plan's
 * return sites goes there, so recursion runs as a host loop without leaving the method.
 *
 * <p>Budget: the entry and each loop head check that the budget left covers the longest path to
 * the next check; every block takes its length from it, and a path that leaves a block early
 * gives back what it did not execute. Records (when compiled
 * for them) are written with the same {@link CommitLog} calls as the interpreter's.
 */
final class RegionCompiler {
    /**
     * Bytecode per translation at most. HotSpot does not compile methods over 8000 bytes
     * (-XX:HugeMethodLimit), and C1 already gives up on some of 5000 ("out of virtual registers"),
     * which would leave the code in the JVM's bytecode interpreter.
     */
    static final int MAX_CODE_BYTES = 3000;

    private static final String HART = Type.getInternalName(Hart.class);
    private static final String MEMORY = Type.getInternalName(Memory.class);
    private static final String RAW = Type.getInternalName(RawBytes.class);
    private static final String LOG = Type.getInternalName(CommitLog.class);
    private static final String SUPER = Type.getInternalName(TranslatedRegion.class);
    private static final String NAME = "dev/seedverify/golden/exec/TranslatedCode";

    // Local variable slots of run(Hart, int). With records: the log's arrays, the next record's
    // base index and the next access's index are kept in locals while the code runs.
    private static final int THIS = 0, H = 1, LEFT = 2, X = 3, MEM = 4, LO = 5, SPAN_FLIPPED = 6, TOHOST = 7,
            ORDER0 = 8, LEFT0 = 10, LOG_SLOT = 11, PC_OUT = 12, ADDR = 13, VAL = 14, BLOCK_ORDER = 15,
            RECORDS = 17, ACCESSES = 18, RECORD_BASE = 19, ACCESS_INDEX = 20, TEMPLATES = 21, STEP = 23, BYTES = 24, FIRST_REG = 25;
    private static final int R = CommitLog.RECORD_INTS;

    /**
     * The class bytes, the size of run's bytecode, and (with records) the record templates: the
     * {@link CommitLog#RECORD_INTS} ints of each fast-path instruction's record with every field
     * that does not depend on the run filled in, in the order of {@link #templateIndex}.
     */
    record Output(byte[] classBytes, int codeBytes, int[] templates, int[] entries, int[] steps) {}

    private final RegionPlan plan;
    private final boolean records;
    private final int[] slot = new int[32];
    private final List<Runnable> stubs = new ArrayList<>();
    private MethodVisitor mv;
    private Label exit, budgetExit;

    /**
     * The instructions handed to the interpreter, by site number k: the pc, the instructions from
     * it to the end of its block (order = order0 + (left0 - left) - that), and those after it
     * (given back to the budget when the block is left there), SITE_INTS ints each. Every site
     * jumps to one shared step with k in the STEP local, so a rare path costs a few bytes of
     * bytecode instead of a register spill and a call each (more guest code per translation).
     */
    private final List<Integer> sites = new ArrayList<>();
    /** Per site, where the translation goes on after the step, or null: it leaves. */
    private final List<Label> siteContinues = new ArrayList<>();
    private static final int SITE_INTS = 3;
    private final Label sharedStep = new Label(), sharedStale = new Label();

    /** Per instruction (block by block), the offset of its record template. */
    private final java.util.Map<Integer, Integer> templateIndex = new java.util.HashMap<>();
    private final int[] templates;

    /**
     * Where the budget is checked, and for how many instructions: the entry and every loop head
     * (the target of a jump back: every cycle has one), for the longest path from there to the
     * next check or exit. Between checks blocks only count, so the check branches, which a run
     * ends at now and then, are few: each one HotSpot first compiled as never taken costs a
     * deoptimisation when it is.
     */
    private final java.util.Map<Integer, Integer> checks = new java.util.HashMap<>();

    private void planChecks() {
        java.util.Set<Integer> heads = new java.util.HashSet<>();
        heads.add(plan.entry);
        // an indirect jump can reach any return site, from anywhere: each one is a check
        for (int site : plan.returnSites) heads.add(site);
        for (RegionPlan.Block b : plan.blocks) {
            for (int t : successors(b)) if (Integer.compareUnsigned(t, b.pc(b.length() - 1)) <= 0) heads.add(t);
        }
        java.util.Map<Integer, Integer> longest = new java.util.HashMap<>();
        for (int h : heads) checks.put(h, reach(plan.blockAt(h), heads, longest, true));
    }

    /** Instructions on the longest path from block {@code b} to a check or an exit (paths between checks are acyclic). */
    private int reach(RegionPlan.Block b, java.util.Set<Integer> heads, java.util.Map<Integer, Integer> longest, boolean start) {
        if (!start && longest.containsKey(b.start)) return longest.get(b.start);
        int most = 0;
        for (int t : successors(b)) {
            if (!heads.contains(t)) most = Math.max(most, reach(plan.blockAt(t), heads, longest, false));
        }
        int r = b.length() + most;
        if (!start) longest.put(b.start, r);
        return r;
    }

    /** The covered blocks a block can continue to. */
    private List<Integer> successors(RegionPlan.Block b) {
        Instruction last = b.insns[b.length() - 1];
        int pc = b.pc(b.length() - 1);
        int imm = (int) (b.entries[b.length() - 1] >>> 32);
        List<Integer> out = new ArrayList<>(2);
        if (last.category() == Category.BRANCH || last == Instruction.JAL) {
            int target = pc + imm;
            if ((target & 3) == 0 && plan.covers(target)) out.add(target);
        }
        if (b.fallThrough != null && plan.covers(b.fallThrough)) out.add(b.fallThrough);
        return out;
    }

    private RegionCompiler(RegionPlan plan, boolean records) {
        this.plan = plan;
        this.records = records;
        planChecks();
        this.templates = records ? new int[R * plan.instructions()] : null;
        if (records) {
            int k = 0;
            for (RegionPlan.Block b : plan.blocks) {
                for (int i = 0; i < b.length(); i++, k += R) {
                    templateIndex.put(b.pc(i), k);
                    Instruction insn = b.insns[i];
                    boolean access = insn.category() == Category.LOAD || insn.category() == Category.STORE;
                    templates[k + CommitLog.PC] = b.pc(i);
                    templates[k + CommitLog.PC_NEXT] = b.pc(i) + 4;
                    templates[k + CommitLog.INSN] = b.words[i];
                    templates[k + CommitLog.RD_ADDR] = insn.category() == Category.STORE ? 0 : RegionPlan.writtenGpr(insn, b.words[i]);
                    templates[k + CommitLog.MEM_COUNT] = access ? 1 : 0;
                }
            }
        }
        int next = FIRST_REG;
        for (int r = plan.registers.nextSetBit(1); r >= 0; r = plan.registers.nextSetBit(r + 1)) slot[r] = next++;
    }

    static Output compile(RegionPlan plan, boolean records) {
        return new RegionCompiler(plan, records).emitClass();
    }

    private Output emitClass() {
        // Class version 49 (Java 5) needs no stack map frames: the JVM's type-inferring verifier
        // checks the code instead, so ASM skips its data-flow pass over the whole method, most of
        // the (cold, at first interpreted) work of translating. Nothing here needs a later version.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, SUPER, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, SUPER, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(0, "run", "(L" + HART + ";I)I", null, null);
        mv.visitCode();
        prologue();
        exit = new Label();
        budgetExit = new Label();
        enterAtThePc();
        for (RegionPlan.Block b : plan.blocks) block(b);
        for (Runnable stub : stubs) stub.run();
        sharedHandlers();
        epilogue();
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return new Output(cw.toByteArray(), end.getOffset(), templates, entries(), sites.stream().mapToInt(Integer::intValue).toArray());
    }

    // ------------------------------------------------------------------ frame

    private void prologue() {
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "x", "[I");
        mv.visitVarInsn(Opcodes.ASTORE, X);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "mem", "L" + MEMORY + ";");
        mv.visitVarInsn(Opcodes.ASTORE, MEM);
        mv.visitVarInsn(Opcodes.ALOAD, MEM);
        mv.visitFieldInsn(Opcodes.GETFIELD, MEMORY, "bytes", "[B");
        mv.visitVarInsn(Opcodes.ASTORE, BYTES);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "windowLo", "I");
        mv.visitVarInsn(Opcodes.ISTORE, LO);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "windowSpan", "I");
        push(Integer.MIN_VALUE);
        mv.visitInsn(Opcodes.IXOR);
        mv.visitVarInsn(Opcodes.ISTORE, SPAN_FLIPPED);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HART, "tohostWord", "()I", false);
        mv.visitVarInsn(Opcodes.ISTORE, TOHOST);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "order", "J");
        mv.visitVarInsn(Opcodes.LSTORE, ORDER0);
        mv.visitVarInsn(Opcodes.ILOAD, LEFT);
        mv.visitVarInsn(Opcodes.ISTORE, LEFT0);
        if (records) {
            mv.visitVarInsn(Opcodes.ALOAD, H);
            mv.visitFieldInsn(Opcodes.GETFIELD, HART, "log", "L" + LOG + ";");
            mv.visitVarInsn(Opcodes.ASTORE, LOG_SLOT);
            mv.visitVarInsn(Opcodes.ALOAD, LOG_SLOT);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LOG, "recordArray", "()[I", false);
            mv.visitVarInsn(Opcodes.ASTORE, RECORDS);
            mv.visitVarInsn(Opcodes.ALOAD, LOG_SLOT);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LOG, "accessArray", "()[I", false);
            mv.visitVarInsn(Opcodes.ASTORE, ACCESSES);
            mv.visitVarInsn(Opcodes.ALOAD, THIS);
            mv.visitFieldInsn(Opcodes.GETFIELD, SUPER, "templates", "[I");
            mv.visitVarInsn(Opcodes.ASTORE, TEMPLATES);
            reloadLogCursor();
        } else {
            for (int local : new int[] {LOG_SLOT, RECORDS, ACCESSES, TEMPLATES}) {
                mv.visitInsn(Opcodes.ACONST_NULL);
                mv.visitVarInsn(Opcodes.ASTORE, local);
            }
            for (int local : new int[] {RECORD_BASE, ACCESS_INDEX}) {
                mv.visitInsn(Opcodes.ICONST_0);
                mv.visitVarInsn(Opcodes.ISTORE, local);
            }
        }
        for (int local : new int[] {PC_OUT, ADDR, VAL, STEP}) {
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, local);
        }
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitVarInsn(Opcodes.LSTORE, BLOCK_ORDER);
        for (int r = 1; r < 32; r++) {
            if (slot[r] == 0) continue;
            mv.visitVarInsn(Opcodes.ALOAD, X);
            push(r);
            mv.visitInsn(Opcodes.IALOAD);
            mv.visitVarInsn(Opcodes.ISTORE, slot[r]);
        }
    }

    /**
     * Writes the registers back, sets the hart's pc and returns the budget left, or its
     * complement when the budget did not cover the next block ({@link TranslatedRegion#run}).
     */
    private void epilogue() {
        mv.visitLabel(budgetExit);
        mv.visitVarInsn(Opcodes.ILOAD, LEFT);
        push(-1);
        mv.visitInsn(Opcodes.IXOR);
        mv.visitVarInsn(Opcodes.ISTORE, LEFT);
        mv.visitLabel(exit);
        if (records) commitLogCursor();
        for (int r = plan.written.nextSetBit(1); r >= 0; r = plan.written.nextSetBit(r + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, X);
            push(r);
            mv.visitVarInsn(Opcodes.ILOAD, slot[r]);
            mv.visitInsn(Opcodes.IASTORE);
        }
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitVarInsn(Opcodes.ILOAD, PC_OUT);
        mv.visitFieldInsn(Opcodes.PUTFIELD, HART, "pc", "I");
        mv.visitVarInsn(Opcodes.ILOAD, LEFT);
        mv.visitInsn(Opcodes.IRETURN);
    }

    // ------------------------------------------------------------------ blocks

    private final java.util.Map<Integer, Label> labels = new java.util.HashMap<>();

    private Label label(int pc) { return labels.computeIfAbsent(pc, k -> new Label()); }

    private void block(RegionPlan.Block b) {
        int n = b.length();
        mv.visitLabel(label(b.start));
        Integer reach = checks.get(b.start);
        if (reach != null) {
            // if (left < the longest path to the next check) exit at the block's start
            Label enough = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, LEFT);
            push(reach);
            mv.visitJumpInsn(Opcodes.IF_ICMPGE, enough);
            push(b.start);
            mv.visitVarInsn(Opcodes.ISTORE, PC_OUT);
            mv.visitJumpInsn(Opcodes.GOTO, budgetExit);
            mv.visitLabel(enough);
        }
        mv.visitIincInsn(LEFT, -n);
        if (records) {
            // blockOrder = order0 + (left0 - left) - n: the order of the block's first instruction
            mv.visitVarInsn(Opcodes.LLOAD, ORDER0);
            mv.visitVarInsn(Opcodes.ILOAD, LEFT0);
            mv.visitVarInsn(Opcodes.ILOAD, LEFT);
            mv.visitInsn(Opcodes.ISUB);
            push(n);
            mv.visitInsn(Opcodes.ISUB);
            mv.visitInsn(Opcodes.I2L);
            mv.visitInsn(Opcodes.LADD);
            mv.visitVarInsn(Opcodes.LSTORE, BLOCK_ORDER);
        }
        for (int i = 0; i < n; i++) instruction(b, i);
        if (b.fallThrough != null && b.insns[n - 1].category() != Category.BRANCH) gotoOrExit(b.fallThrough);
    }

    /**
     * The translation can be entered at any of its budget checks (its entry, its loop heads and
     * the return sites of the calls it follows): a run that stopped at one, because the budget or
     * the log ran short, or that left for a callee it does not cover and comes back, resumes in
     * the same compiled code instead of needing a translation of its own there. Only checks:
     * entering a loop in its middle would make it irreducible, which HotSpot does not optimise.
     */
    private void enterAtThePc() {
        java.util.List<Integer> pcs = new java.util.ArrayList<>(checks.keySet());
        if (pcs.size() == 1) return; // the entry block comes first
        java.util.Collections.sort(pcs); // signed: a lookupswitch's order
        int[] keys = pcs.stream().mapToInt(Integer::intValue).toArray();
        Label[] targets = new Label[keys.length];
        for (int k = 0; k < keys.length; k++) targets[k] = label(keys[k]);
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "pc", "I");
        mv.visitLookupSwitchInsn(label(plan.entry), keys, targets);
    }

    /** The pcs the translation can be entered at: its checks. */
    int[] entries() { return checks.keySet().stream().mapToInt(Integer::intValue).toArray(); }

    /** Continues at {@code pc}: inside the translation when it covers pc, else exits there. */
    private void gotoOrExit(int pc) {
        if (plan.covers(pc)) mv.visitJumpInsn(Opcodes.GOTO, label(pc));
        else exitTo(pc);
    }

    private void exitTo(int pc) {
        push(pc);
        mv.visitVarInsn(Opcodes.ISTORE, PC_OUT);
        mv.visitJumpInsn(Opcodes.GOTO, exit);
    }

    // ------------------------------------------------------------------ instructions

    private void instruction(RegionPlan.Block b, int i) {
        Instruction insn = b.insns[i];
        long d = b.entries[i];
        int pc = b.pc(i);
        int rd = (int) (d >>> Hart.RD_SHIFT) & 31, rs1 = (int) (d >>> Hart.RS1_SHIFT) & 31,
                rs2 = (int) (d >>> Hart.RS2_SHIFT) & 31, imm = (int) (d >>> 32);
        switch (insn.category()) {
            case UPPER -> {
                if (rd != 0) {
                    push(insn == Instruction.LUI ? imm : pc + imm);
                    store(rd);
                }
                simpleRecord(b, i, rd, pc + 4);
            }
            case ALU, ALU_IMM, SHIFT_IMM, MUL_DIV -> {
                if (rd != 0) {
                    alu(insn, rs1, rs2, imm);
                    store(rd);
                }
                simpleRecord(b, i, rd, pc + 4);
            }
            case BRANCH -> branch(b, i, insn, rs1, rs2, pc + imm);
            case JUMP -> {
                if (insn == Instruction.JAL) jal(b, i, rd, pc + imm);
                else jalr(b, i, rd, rs1, imm);
            }
            case LOAD -> load(b, i, insn, rd, rs1, imm);
            case STORE -> store(b, i, insn, rs1, rs2, imm);
            case FENCE -> simpleRecord(b, i, 0, pc + 4);
            default -> {
                if (insn == Instruction.WFI) simpleRecord(b, i, 0, pc + 4);
                else step(b, i, !RegionPlan.endsPath(insn));
            }
        }
    }

    private void alu(Instruction insn, int rs1, int rs2, int imm) {
        switch (insn) {
            case ADDI -> binary(rs1, imm, Opcodes.IADD);
            case XORI -> binary(rs1, imm, Opcodes.IXOR);
            case ORI -> binary(rs1, imm, Opcodes.IOR);
            case ANDI -> binary(rs1, imm, Opcodes.IAND);
            case SLLI -> binary(rs1, imm, Opcodes.ISHL);
            case SRLI -> binary(rs1, imm, Opcodes.IUSHR);
            case SRAI -> binary(rs1, imm, Opcodes.ISHR);
            case SLTI -> { load(rs1); mv.visitInsn(Opcodes.I2L); pushLong(imm); lessThan(); }
            case SLTIU -> { load(rs1); unsignedLong(); pushLong(imm & 0xFFFF_FFFFL); lessThan(); }
            case ADD -> binaryRegs(rs1, rs2, Opcodes.IADD);
            case SUB -> binaryRegs(rs1, rs2, Opcodes.ISUB);
            case SLL -> binaryRegs(rs1, rs2, Opcodes.ISHL);
            case SRL -> binaryRegs(rs1, rs2, Opcodes.IUSHR);
            case SRA -> binaryRegs(rs1, rs2, Opcodes.ISHR);
            case XOR -> binaryRegs(rs1, rs2, Opcodes.IXOR);
            case OR -> binaryRegs(rs1, rs2, Opcodes.IOR);
            case AND -> binaryRegs(rs1, rs2, Opcodes.IAND);
            case MUL -> binaryRegs(rs1, rs2, Opcodes.IMUL);
            case SLT -> { load(rs1); mv.visitInsn(Opcodes.I2L); load(rs2); mv.visitInsn(Opcodes.I2L); lessThan(); }
            case SLTU -> { load(rs1); unsignedLong(); load(rs2); unsignedLong(); lessThan(); }
            case MULH -> { load(rs1); mv.visitInsn(Opcodes.I2L); load(rs2); mv.visitInsn(Opcodes.I2L); high(Opcodes.LSHR); }
            case MULHSU -> { load(rs1); mv.visitInsn(Opcodes.I2L); load(rs2); unsignedLong(); high(Opcodes.LSHR); }
            case MULHU -> { load(rs1); unsignedLong(); load(rs2); unsignedLong(); high(Opcodes.LUSHR); }
            // Division by zero: -1 (quotients) or the dividend (remainders), never a JVM exception.
            case DIV -> divide(rs1, rs2, true, () -> mv.visitInsn(Opcodes.IDIV));
            case REM -> divide(rs1, rs2, false, () -> mv.visitInsn(Opcodes.IREM));
            case DIVU -> divide(rs1, rs2, true, () -> integerStatic("divideUnsigned"));
            case REMU -> divide(rs1, rs2, false, () -> integerStatic("remainderUnsigned"));
            default -> throw new IllegalStateException("no ALU translation for " + insn);
        }
    }

    private void binary(int rs1, int imm, int opcode) {
        load(rs1);
        push(imm);
        mv.visitInsn(opcode);
    }

    private void binaryRegs(int rs1, int rs2, int opcode) {
        load(rs1);
        load(rs2);
        mv.visitInsn(opcode);
    }

    /** (a - b) >>> 63 on two longs: 1 when a < b. */
    private void lessThan() {
        mv.visitInsn(Opcodes.LSUB);
        push(63);
        mv.visitInsn(Opcodes.LUSHR);
        mv.visitInsn(Opcodes.L2I);
    }

    private void unsignedLong() {
        mv.visitInsn(Opcodes.I2L);
        pushLong(0xFFFF_FFFFL);
        mv.visitInsn(Opcodes.LAND);
    }

    /** The high word of the product of the two longs on the stack. */
    private void high(int shift) {
        mv.visitInsn(Opcodes.LMUL);
        push(32);
        mv.visitInsn(shift);
        mv.visitInsn(Opcodes.L2I);
    }

    private void divide(int rs1, int rs2, boolean quotient, Runnable op) {
        Label nonZero = new Label(), done = new Label();
        load(rs2);
        mv.visitJumpInsn(Opcodes.IFNE, nonZero);
        if (quotient) mv.visitInsn(Opcodes.ICONST_M1);
        else load(rs1);
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(nonZero);
        load(rs1);
        load(rs2);
        op.run();
        mv.visitLabel(done);
    }

    private void integerStatic(String method) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", method, "(II)I", false);
    }

    private void branch(RegionPlan.Block b, int i, Instruction insn, int rs1, int rs2, int target) {
        int pc = b.pc(i);
        Label taken = new Label();
        load(rs1);
        if (insn == Instruction.BLTU || insn == Instruction.BGEU) flipSign();
        load(rs2);
        if (insn == Instruction.BLTU || insn == Instruction.BGEU) flipSign();
        mv.visitJumpInsn(switch (insn) {
            case BEQ -> Opcodes.IF_ICMPEQ;
            case BNE -> Opcodes.IF_ICMPNE;
            case BLT, BLTU -> Opcodes.IF_ICMPLT;
            case BGE, BGEU -> Opcodes.IF_ICMPGE;
            default -> throw new IllegalStateException(insn.toString());
        }, taken);
        simpleRecord(b, i, 0, pc + 4);
        gotoOrExit(pc + 4);
        mv.visitLabel(taken);
        if ((target & 3) != 0) {
            step(b, i, false); // misaligned target: the interpreter traps
        } else {
            simpleRecord(b, i, 0, target);
            gotoOrExit(target);
        }
    }

    private void jal(RegionPlan.Block b, int i, int rd, int target) {
        int pc = b.pc(i);
        if ((target & 3) != 0) {
            step(b, i, false);
            return;
        }
        if (rd != 0) {
            push(pc + 4);
            store(rd);
        }
        simpleRecord(b, i, rd, target);
        gotoOrExit(target);
    }

    private void jalr(RegionPlan.Block b, int i, int rd, int rs1, int imm) {
        int pc = b.pc(i);
        load(rs1);
        push(imm);
        mv.visitInsn(Opcodes.IADD);
        push(~1);
        mv.visitInsn(Opcodes.IAND);
        mv.visitVarInsn(Opcodes.ISTORE, ADDR);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(3);
        mv.visitInsn(Opcodes.IAND);
        mv.visitJumpInsn(Opcodes.IFNE, deferredStep(b, i, null));
        if (rd != 0) {
            push(pc + 4);
            store(rd);
        }
        if (records) recordTo(b, i, rd, ADDR);
        Label leave = new Label();
        if (plan.returnSites.length > 0) {
            // a return to a covered call's return site goes on in the translation
            int[] keys = plan.returnSites;
            Label[] targets = new Label[keys.length];
            for (int k = 0; k < keys.length; k++) targets[k] = label(keys[k]);
            mv.visitVarInsn(Opcodes.ILOAD, ADDR);
            mv.visitLookupSwitchInsn(leave, keys, targets);
        }
        mv.visitLabel(leave);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        mv.visitVarInsn(Opcodes.ISTORE, PC_OUT);
        mv.visitJumpInsn(Opcodes.GOTO, exit);
    }

    /** Computes the address into ADDR and jumps to a step when it is misaligned or outside the window. */
    private void address(int rs1, int imm, int bytes, Label slow) {
        load(rs1);
        if (imm != 0) {
            push(imm);
            mv.visitInsn(Opcodes.IADD);
        }
        mv.visitVarInsn(Opcodes.ISTORE, ADDR);
        if (bytes > 1) {
            mv.visitVarInsn(Opcodes.ILOAD, ADDR);
            push(bytes - 1);
            mv.visitInsn(Opcodes.IAND);
            mv.visitJumpInsn(Opcodes.IFNE, slow);
        }
        // unsigned (addr - lo) >= span, as signed after flipping both signs
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        mv.visitVarInsn(Opcodes.ILOAD, LO);
        mv.visitInsn(Opcodes.ISUB);
        flipSign();
        mv.visitVarInsn(Opcodes.ILOAD, SPAN_FLIPPED);
        mv.visitJumpInsn(Opcodes.IF_ICMPGE, slow);
    }

    private void load(RegionPlan.Block b, int i, Instruction insn, int rd, int rs1, int imm) {
        int bytes = insn.accessBytes();
        Label cont = new Label();
        address(rs1, imm, bytes, deferredStep(b, i, cont));
        mv.visitVarInsn(Opcodes.ALOAD, BYTES);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(Memory.BASE);
        mv.visitInsn(Opcodes.ISUB);
        if (bytes == 1) mv.visitInsn(Opcodes.BALOAD);
        else mv.visitMethodInsn(Opcodes.INVOKESTATIC, RAW, bytes == 2 ? "half" : "word", "([BI)I", false);
        if (insn == Instruction.LBU) {
            push(0xFF);
            mv.visitInsn(Opcodes.IAND);
        } else if (insn == Instruction.LHU) {
            push(0xFFFF);
            mv.visitInsn(Opcodes.IAND);
        }
        mv.visitVarInsn(Opcodes.ISTORE, VAL);
        if (rd != 0) {
            mv.visitVarInsn(Opcodes.ILOAD, VAL);
            store(rd);
        }
        if (records) accessRecord(b, i, rd, bytes, false);
        mv.visitLabel(cont);
    }

    private void store(RegionPlan.Block b, int i, Instruction insn, int rs1, int rs2, int imm) {
        int bytes = insn.accessBytes();
        Label cont = new Label();
        int site = site(b, i, cont);
        Label slow = new Label();
        stubs.add(() -> {
            mv.visitLabel(slow);
            goToShared(site, sharedStep);
        });
        address(rs1, imm, bytes, slow);
        // a store to the tohost word is the interpreter's (it may end the run)
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(~3);
        mv.visitInsn(Opcodes.IAND);
        mv.visitVarInsn(Opcodes.ILOAD, TOHOST);
        mv.visitJumpInsn(Opcodes.IF_ICMPEQ, slow);
        load(rs2);
        mv.visitVarInsn(Opcodes.ISTORE, VAL);
        mv.visitVarInsn(Opcodes.ALOAD, BYTES);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(Memory.BASE);
        mv.visitInsn(Opcodes.ISUB);
        mv.visitVarInsn(Opcodes.ILOAD, VAL);
        if (bytes == 1) mv.visitInsn(Opcodes.BASTORE);
        else mv.visitMethodInsn(Opcodes.INVOKESTATIC, RAW, bytes == 2 ? "putHalf" : "putWord", "([BII)V", false);
        mv.visitVarInsn(Opcodes.ALOAD, MEM);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(Memory.BASE);
        mv.visitInsn(Opcodes.ISUB);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MEMORY, "stored", "(I)V", false);
        if (records) accessRecord(b, i, 0, bytes, true);
        // a store into translated code: stop right after it (this translation may be stale now)
        mv.visitVarInsn(Opcodes.ALOAD, MEM);
        mv.visitFieldInsn(Opcodes.GETFIELD, MEMORY, "codeWritten", "Z");
        Label stale = new Label();
        mv.visitJumpInsn(Opcodes.IFNE, stale);
        stubs.add(() -> {
            mv.visitLabel(stale);
            goToShared(site, sharedStale);
        });
        mv.visitLabel(cont);
    }

    // ------------------------------------------------------------------ interpreter steps

    /** A step emitted after all blocks (the rare path of a load, store or jump); returns its label. */
    private Label deferredStep(RegionPlan.Block b, int i, Label cont) {
        Label l = new Label();
        int site = site(b, i, cont);
        stubs.add(() -> {
            mv.visitLabel(l);
            goToShared(site, sharedStep);
        });
        return l;
    }

    /**
     * The interpreter executes instruction {@code i}; the translation goes on after it when
     * {@code mayContinue} and the interpreter says so, else it exits with the hart's pc.
     */
    private void step(RegionPlan.Block b, int i, boolean mayContinue) {
        Label cont = mayContinue ? new Label() : null;
        goToShared(site(b, i, cont), sharedStep);
        if (cont != null) mv.visitLabel(cont);
    }

    /** Numbers a step site (instruction {@code i} of {@code b}, going on at {@code cont} or leaving). */
    private int site(RegionPlan.Block b, int i, Label cont) {
        int k = siteContinues.size();
        sites.add(b.pc(i));
        sites.add(b.length() - i);
        sites.add(b.length() - i - 1);
        siteContinues.add(cont);
        return k;
    }

    private void goToShared(int site, Label handler) {
        push(site);
        mv.visitVarInsn(Opcodes.ISTORE, STEP);
        mv.visitJumpInsn(Opcodes.GOTO, handler);
    }

    /** Pushes field {@code f} of site STEP's entry in {@link TranslatedRegion#steps}. */
    private void siteField(int f) {
        mv.visitVarInsn(Opcodes.ALOAD, THIS);
        mv.visitFieldInsn(Opcodes.GETFIELD, SUPER, "steps", "[I");
        mv.visitVarInsn(Opcodes.ILOAD, STEP);
        push(SITE_INTS);
        mv.visitInsn(Opcodes.IMUL);
        if (f != 0) {
            push(f);
            mv.visitInsn(Opcodes.IADD);
        }
        mv.visitInsn(Opcodes.IALOAD);
    }

    /**
     * The step every site jumps to: all registers written back (the interpreter may read any),
     * {@link Hart#stepFromTranslation}, the written ones reloaded (it wrote at most its rd), then
     * on at the site's continuation or out with the hart's pc; and the exit after a store that
     * made translated code stale.
     */
    private void sharedHandlers() {
        if (siteContinues.isEmpty()) return;
        mv.visitLabel(sharedStep);
        for (int r = plan.registers.nextSetBit(1); r >= 0; r = plan.registers.nextSetBit(r + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, X);
            push(r);
            mv.visitVarInsn(Opcodes.ILOAD, slot[r]);
            mv.visitInsn(Opcodes.IASTORE);
        }
        if (records) commitLogCursor(); // the interpreter writes this record through the log
        mv.visitVarInsn(Opcodes.ALOAD, H);
        siteField(0);
        // order = order0 + (left0 - left) - (instructions from the site to its block's end)
        mv.visitVarInsn(Opcodes.LLOAD, ORDER0);
        mv.visitVarInsn(Opcodes.ILOAD, LEFT0);
        mv.visitVarInsn(Opcodes.ILOAD, LEFT);
        mv.visitInsn(Opcodes.ISUB);
        siteField(1);
        mv.visitInsn(Opcodes.ISUB);
        mv.visitInsn(Opcodes.I2L);
        mv.visitInsn(Opcodes.LADD);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HART, "stepFromTranslation", "(IJ)Z", false);
        mv.visitVarInsn(Opcodes.ISTORE, VAL);
        if (records) reloadLogCursor();
        for (int r = plan.written.nextSetBit(1); r >= 0; r = plan.written.nextSetBit(r + 1)) {
            mv.visitVarInsn(Opcodes.ALOAD, X);
            push(r);
            mv.visitInsn(Opcodes.IALOAD);
            mv.visitVarInsn(Opcodes.ISTORE, slot[r]);
        }
        Label leave = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, VAL);
        mv.visitJumpInsn(Opcodes.IFEQ, leave);
        Label[] targets = new Label[siteContinues.size()];
        for (int k = 0; k < targets.length; k++) targets[k] = siteContinues.get(k) == null ? leave : siteContinues.get(k);
        mv.visitVarInsn(Opcodes.ILOAD, STEP);
        mv.visitTableSwitchInsn(0, targets.length - 1, leave, targets);
        mv.visitLabel(leave);
        giveBack();
        mv.visitVarInsn(Opcodes.ALOAD, H);
        mv.visitFieldInsn(Opcodes.GETFIELD, HART, "pc", "I");
        mv.visitVarInsn(Opcodes.ISTORE, PC_OUT);
        mv.visitJumpInsn(Opcodes.GOTO, exit);

        // a store into translated code: stop right after it (this translation may be stale now)
        mv.visitLabel(sharedStale);
        giveBack();
        siteField(0);
        push(4);
        mv.visitInsn(Opcodes.IADD);
        mv.visitVarInsn(Opcodes.ISTORE, PC_OUT);
        mv.visitJumpInsn(Opcodes.GOTO, exit);
    }

    /** Leaving at site STEP: the rest of its block was taken from the budget but does not run. */
    private void giveBack() {
        mv.visitVarInsn(Opcodes.ILOAD, LEFT);
        siteField(2);
        mv.visitInsn(Opcodes.IADD);
        mv.visitVarInsn(Opcodes.ISTORE, LEFT);
    }

    // ------------------------------------------------------------------ records

    /** The record of an instruction without memory access, going on at {@code next}. */
    private void simpleRecord(RegionPlan.Block b, int i, int rd, int next) {
        if (!records) return;
        record(b, i, rd, () -> push(next));
    }

    /** The record of an instruction without memory access, going on at the pc in {@code local}. */
    private void recordTo(RegionPlan.Block b, int i, int rd, int local) {
        record(b, i, rd, () -> mv.visitVarInsn(Opcodes.ILOAD, local));
    }

    /** The record of a load or store at ADDR moving VAL (its low {@code bytes}), as CommitLog.scalarAccess lays it out. */
    private void accessRecord(RegionPlan.Block b, int i, int rd, int bytes, boolean write) {
        mv.visitVarInsn(Opcodes.ALOAD, ACCESSES);
        mv.visitVarInsn(Opcodes.ILOAD, ACCESS_INDEX);
        mv.visitVarInsn(Opcodes.ILOAD, ADDR);
        push(bytes);
        push(write ? 1 : 0);
        mv.visitVarInsn(Opcodes.ILOAD, VAL);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, LOG, "writeScalarAccess", "([IIIIZI)V", false);
        record(b, i, rd, () -> push(b.pc(i) + 4));
        mv.visitIincInsn(ACCESS_INDEX, 1);
    }

    /** Writes the next record from the instruction's template ({@link TranslatedRecords#record}); {@code pcNext} pushes its next pc. */
    private void record(RegionPlan.Block b, int i, int rd, Runnable pcNext) {
        mv.visitVarInsn(Opcodes.ALOAD, RECORDS);
        mv.visitVarInsn(Opcodes.ILOAD, RECORD_BASE);
        mv.visitVarInsn(Opcodes.ALOAD, TEMPLATES);
        push(templateIndex.get(b.pc(i)));
        order(i);
        load(rd);
        mv.visitVarInsn(Opcodes.ILOAD, ACCESS_INDEX);
        pcNext.run();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(TranslatedRecords.class), "record", "([II[IIJIII)V", false);
        nextRecord();
    }

    private void nextRecord() { mv.visitIincInsn(RECORD_BASE, R); }

    /** Hands the records written in place to the log (before the interpreter writes one, and at the exit). */
    private void commitLogCursor() {
        mv.visitVarInsn(Opcodes.ALOAD, LOG_SLOT);
        mv.visitVarInsn(Opcodes.ILOAD, RECORD_BASE);
        push(R);
        mv.visitInsn(Opcodes.IDIV);
        mv.visitVarInsn(Opcodes.ILOAD, ACCESS_INDEX);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LOG, "commitInPlace", "(II)V", false);
    }

    private void reloadLogCursor() {
        mv.visitVarInsn(Opcodes.ALOAD, LOG_SLOT);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LOG, "size", "()I", false);
        push(R);
        mv.visitInsn(Opcodes.IMUL);
        mv.visitVarInsn(Opcodes.ISTORE, RECORD_BASE);
        mv.visitVarInsn(Opcodes.ALOAD, LOG_SLOT);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LOG, "accessCount", "()I", false);
        mv.visitVarInsn(Opcodes.ISTORE, ACCESS_INDEX);
    }

    /** Pushes the order of instruction {@code i} of the current block (a long). */
    private void order(int i) {
        mv.visitVarInsn(Opcodes.LLOAD, BLOCK_ORDER);
        if (i != 0) {
            pushLong(i);
            mv.visitInsn(Opcodes.LADD);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void load(int reg) {
        if (reg == 0) mv.visitInsn(Opcodes.ICONST_0);
        else mv.visitVarInsn(Opcodes.ILOAD, slot[reg]);
    }

    private void store(int reg) {
        if (reg == 0) mv.visitInsn(Opcodes.POP);
        else mv.visitVarInsn(Opcodes.ISTORE, slot[reg]);
    }

    private void flipSign() {
        push(Integer.MIN_VALUE);
        mv.visitInsn(Opcodes.IXOR);
    }

    private void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(Opcodes.ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(Opcodes.BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(Opcodes.SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    private void pushLong(long v) {
        if (v == 0 || v == 1) mv.visitInsn(Opcodes.LCONST_0 + (int) v);
        else mv.visitLdcInsn(v);
    }
}
