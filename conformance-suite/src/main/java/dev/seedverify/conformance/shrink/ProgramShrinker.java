package dev.seedverify.conformance.shrink;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.gen.Layout;
import dev.seedverify.conformance.gen.Op;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.ProgramValidator;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shrinks a failing program while it fails <em>the same way</em>: a step is accepted only when
 * the candidate is valid ({@link ProgramValidator}) and the oracle reports the same
 * {@link BucketSignature} (a different divergence is a different bug, not a smaller example).
 * Greedy delta debugging on the program structure, repeated until nothing more is accepted:
 *
 * <ol>
 *   <li>delete chunks of body ops, halving the chunk size down to single ops (targets are remapped,
 *       so jumps stay forward and valid);</li>
 *   <li>simplify each op: immediates to 0 then 1, source registers to x0 or to a register no earlier
 *       op writes (cuts the dependence, so the writer can go), tile indices to 0, targets to the next
 *       op, misaligned skews off, loop counts to 1, tile addresses to a block start with stride 32 or 0;</li>
 *   <li>initial register values to 0, 1 or -1;</li>
 *   <li>data: whole 256-byte blocks to zero, then 32-byte lines, then words.</li>
 * </ol>
 *
 * The same candidate moves are offered one step at a time by {@link #candidates} (for jqwik's
 * shrinking). Not thread-safe: one shrinker per worker (the oracle usually owns a simulator).
 */
public final class ProgramShrinker {

    /** Runs a program and reports how it diverges: its bucket, or null when it does not diverge. */
    @FunctionalInterface
    public interface Oracle {
        BucketSignature test(Program p);

        /** The oracle of a lockstep runner: the bucket of a valid program's divergence, else null. */
        static Oracle of(LockstepRunner runner) {
            return p -> ProgramValidator.isValid(p) ? runner.run(ProgramRenderer.image(p).image()).signature() : null;
        }
    }

    /** The shrunk program and what it took. */
    public record Result(Program original, Program program, BucketSignature signature, int calls, int accepted, Duration elapsed,
                         boolean budgetExhausted) {}

    public static final int DEFAULT_MAX_CALLS = 3000;

    private final Oracle oracle;
    private final int maxCalls;
    private int calls, accepted;
    private BucketSignature target;

    public ProgramShrinker(Oracle oracle) { this(oracle, DEFAULT_MAX_CALLS); }

    public ProgramShrinker(Oracle oracle, int maxCalls) {
        this.oracle = oracle;
        this.maxCalls = maxCalls;
    }

    /**
     * Shrinks {@code p}, which fails with {@code signature} (computed with the oracle when null).
     *
     * @throws IllegalArgumentException when {@code p} does not fail at all
     */
    public Result shrink(Program p, BucketSignature signature) {
        long t0 = System.nanoTime();
        calls = 0;
        accepted = 0;
        target = signature != null ? signature : oracle.test(p);
        if (target == null) throw new IllegalArgumentException("the program does not fail: nothing to shrink");
        Program cur = p;
        boolean progress = true;
        while (progress && calls < maxCalls) {
            progress = false;
            Program next = deleteChunks(cur);
            progress |= next != cur;
            cur = next;
            next = simplifyOps(cur);
            progress |= next != cur;
            cur = next;
            next = simplifyInits(cur);
            progress |= next != cur;
            cur = next;
            next = simplifyData(cur);
            progress |= next != cur;
            cur = next;
        }
        return new Result(p, cur, target, calls, accepted, Duration.ofNanos(System.nanoTime() - t0), calls >= maxCalls);
    }

    private boolean accept(Program c) {
        if (calls >= maxCalls || !ProgramValidator.isValid(c)) return false;
        calls++;
        if (target.equals(oracle.test(c))) {
            accepted++;
            return true;
        }
        return false;
    }

    private Program deleteChunks(Program p) {
        int size = Integer.highestOneBit(Math.max(1, p.size() / 2));
        while (size >= 1) {
            int i = 0;
            while (i < p.size() && calls < maxCalls) {
                Program c = p.delete(i, Math.min(p.size(), i + size));
                if (accept(c)) p = c;
                else i += size;
            }
            size /= 2;
        }
        return p;
    }

    private Program simplifyOps(Program p) {
        for (int i = 0; i < p.size() && calls < maxCalls; i++) {
            boolean again = true;
            while (again && calls < maxCalls) {
                again = false;
                for (Op op : opCandidates(p, i)) {
                    Program c = p.withOp(i, op);
                    if (accept(c)) {
                        p = c;
                        again = true;
                        break;
                    }
                }
            }
        }
        return p;
    }

    private Program simplifyInits(Program p) {
        for (int r = 1; r <= Layout.GENERAL_REGS && calls < maxCalls; r++) {
            for (int v : SIMPLE_VALUES) {
                if (rank(v) >= rank(p.init(r))) break;
                Program c = p.withInit(r, v);
                if (accept(c)) {
                    p = c;
                    break;
                }
            }
        }
        return p;
    }

    /** Values a shrink step may replace a value with, simplest first; a step only ever goes down this order. */
    static final int[] SIMPLE_VALUES = {0, 1, -1};

    /** 0, 1, 2 for the simple values, 3 for anything else. */
    static int rank(int v) {
        for (int i = 0; i < SIMPLE_VALUES.length; i++) if (SIMPLE_VALUES[i] == v) return i;
        return SIMPLE_VALUES.length;
    }

    private Program simplifyData(Program p) {
        for (int size : new int[] {Layout.BLOCK_BYTES, 32, 4}) {
            for (int off = 0; off < Layout.DATA_BYTES && calls < maxCalls; off += size) {
                if (allZero(p, off, size)) continue;
                Program c = p.withDataZeroed(off, off + size);
                if (accept(c)) p = c;
            }
        }
        return p;
    }

    private static boolean allZero(Program p, int off, int n) {
        for (int i = off; i < off + n; i++) if (p.dataByte(i) != 0) return false;
        return true;
    }

    // ------------------------------------------------------------------ candidate moves

    /** Simpler versions of op {@code i}, most simplifying first (their generator notes dropped: they may no longer hold). */
    public static List<Op> opCandidates(Program p, int i) {
        List<Op> out = new ArrayList<>();
        for (Op op : rawCandidates(p, i)) out.add(withoutNote(op));
        return out;
    }

    static Op withoutNote(Op op) {
        if (op instanceof Op.Insn in) return new Op.Insn(in.insn(), in.operands(), in.target(), in.skew(), "");
        if (op instanceof Op.TileMem t) return new Op.TileMem(t.insn(), t.tile(), t.address(), t.stride(), "");
        if (op instanceof Op.JumpReg j) return new Op.JumpReg(j.rd(), j.target(), j.offset(), "");
        return op;
    }

    private static List<Op> rawCandidates(Program p, int i) {
        Op op = p.op(i);
        List<Op> out = new ArrayList<>();
        if (op.target() > i + 1) out.add(op.withTarget(i + 1));
        if (op instanceof Op.Insn in) {
            if (in.skew() != 0) out.add(in.withSkew(0));
            List<Operand> operands = in.insn().operands();
            Set<Integer> written = writtenBefore(p, i);
            for (int k = 0; k < operands.size(); k++) {
                Operand o = operands.get(k);
                int v = in.operand(k);
                switch (o.kind()) {
                    case SIMM, UIMM -> {
                        for (int x : SIMPLE_VALUES) {
                            if (rank(x) < rank(v) && o.field().accepts(x)) out.add(in.withOperand(k, x));
                        }
                    }
                    case GPR -> {
                        if (v == 0) break;
                        if (o.name().equals("rd")) {
                            out.add(in.withOperand(k, 0));
                        } else if (!Layout.reserved(v) || in.insn().category() != dev.seedverify.golden.isa.Category.STORE) {
                            out.add(in.withOperand(k, 0));
                            if (written.contains(v)) {
                                // Cut the dependence: read a register no earlier op writes, i.e. an
                                // initial value (one of each distinct value), so the writer can go.
                                Set<Integer> seen = new HashSet<>();
                                for (int r = 1; r <= Layout.GENERAL_REGS && seen.size() < 8; r++) {
                                    if (r != v && !written.contains(r) && seen.add(p.init(r))) out.add(in.withOperand(k, r));
                                }
                            }
                        }
                    }
                    case TILE -> {
                        if (v != 0) out.add(in.withOperand(k, 0));
                    }
                    case FENCE_SET, UNUSED -> {
                        if (v != 0) out.add(in.withOperand(k, 0));
                    }
                    default -> { }
                }
            }
        } else if (op instanceof Op.Li li) {
            for (int v : SIMPLE_VALUES) {
                if (rank(v) < rank(li.value())) out.add(new Op.Li(li.rd(), v, li.note()));
            }
        } else if (op instanceof Op.TileMem t) {
            int blockStart = t.address() & ~(Layout.BLOCK_BYTES - 1);
            // Simplest stride 0 (one row eight times), then 32 (a contiguous tile); never back.
            if (t.stride() != 0) out.add(new Op.TileMem(t.insn(), t.tile(), t.address(), 0, t.note()));
            if (t.stride() != 0 && t.stride() != 32) out.add(new Op.TileMem(t.insn(), t.tile(), t.address(), 32, t.note()));
            if (t.address() != blockStart && Layout.inData(blockStart, 1)) out.add(new Op.TileMem(t.insn(), t.tile(), blockStart, t.stride(), t.note()));
            if (t.tile() != 0) out.add(new Op.TileMem(t.insn(), 0, t.address(), t.stride(), t.note()));
        } else if (op instanceof Op.JumpReg j) {
            if (j.offset() != 0) out.add(new Op.JumpReg(j.rd(), j.target(), 0, j.note()));
            if (j.rd() != 0) out.add(new Op.JumpReg(0, j.target(), j.offset(), j.note()));
        } else if (op instanceof Op.LoopHead h) {
            if (h.count() != 1) out.add(new Op.LoopHead(h.id(), 1, h.note()));
        } else if (op instanceof Op.Illegal il) {
            if (il.word() != 0) out.add(new Op.Illegal(0, "illegal: all-zero word"));
        } else if (op instanceof Op.MtvecWrite mw) {
            // csrrsi is one instruction (the others set up s11 first).
            if (mw.insn() != Instruction.CSRRSI) out.add(new Op.MtvecWrite(Instruction.CSRRSI, mw.rd(), mw.low(), mw.note()));
            if (mw.low() != 0) out.add(new Op.MtvecWrite(mw.insn(), mw.rd(), 0, mw.note()));
            if (mw.rd() != 0) out.add(new Op.MtvecWrite(mw.insn(), 0, mw.low(), mw.note()));
        } else if (op instanceof Op.StoreAt st) {
            if (st.rs2() != 0) out.add(new Op.StoreAt(st.insn(), 0, st.address(), st.note()));
        } else if (op instanceof Op.Smc sm) {
            if (sm.gap() != 0) out.add(new Op.Smc(sm.rd(), sm.rs1(), sm.newImm(), sm.oldImm(), sm.fence(), 0, sm.note()));
            if (sm.rs1() != 0) out.add(new Op.Smc(sm.rd(), 0, sm.newImm(), sm.oldImm(), sm.fence(), sm.gap(), sm.note()));
        }
        return out;
    }

    /** Registers written by ops before {@code i} (a source reading one of them depends on that op). */
    static Set<Integer> writtenBefore(Program p, int i) {
        Set<Integer> s = new HashSet<>();
        for (int k = 0; k < i; k++) {
            Op op = p.op(k);
            if (op instanceof Op.Insn in && in.insn().writesGpr()) s.add(Field.RD.extract(safeWord(in)));
            else if (op instanceof Op.Li li) s.add(li.rd());
            else if (op instanceof Op.JumpReg j) s.add(j.rd());
            else if (op instanceof Op.FetchFault) s.add(Gpr.RA);
            else if (op instanceof Op.LoopHead) s.add(Layout.R_LOOP);
            else if (op instanceof Op.MtvecWrite mw) s.add(mw.rd());
            else if (op instanceof Op.Smc sm) s.add(sm.rd());
        }
        s.remove(0);
        return s;
    }

    private static int safeWord(Op.Insn in) {
        List<Operand> ops = in.insn().operands();
        for (int k = 0; k < ops.size(); k++) if (ops.get(k).name().equals("rd")) return Field.RD.encode(in.operand(k));
        return 0;
    }

    /**
     * Every one-step simplification of {@code p} that is a valid program, roughly most simplifying
     * first: chunk deletions (halving sizes), op simplifications, register inits, data. Lazy.
     */
    public static Stream<Program> candidates(Program p) {
        List<Stream<Program>> parts = new ArrayList<>();
        int n = p.size();
        for (int size = Integer.highestOneBit(Math.max(1, n / 2)); size >= 1; size /= 2) {
            int s = size;
            parts.add(Stream.iterate(0, i -> i < n, i -> i + s).map(i -> p.delete(i, Math.min(n, i + s))));
        }
        parts.add(Stream.iterate(0, i -> i < n, i -> i + 1).flatMap(i -> opCandidates(p, i).stream().map(op -> p.withOp(i, op))));
        parts.add(Stream.iterate(1, r -> r <= Layout.GENERAL_REGS, r -> r + 1).flatMap(r -> java.util.Arrays.stream(SIMPLE_VALUES)
                .filter(v -> rank(v) < rank(p.init(r))).mapToObj(v -> p.withInit(r, v))));
        for (int size : new int[] {Layout.BLOCK_BYTES, 32, 4}) {
            int s = size;
            parts.add(Stream.iterate(0, off -> off < Layout.DATA_BYTES, off -> off + s).filter(off -> !allZero(p, off, s))
                    .map(off -> p.withDataZeroed(off, off + s)));
        }
        return parts.stream().flatMap(x -> x).filter(ProgramValidator::isValid);
    }

    /** A measure that every accepted move lowers: ops, non-zero inits, non-zero data words, operand complexity. */
    public static long[] distance(Program p) {
        long complexity = 0;
        for (int i = 0; i < p.size(); i++) {
            Op op = p.op(i);
            if (op.target() >= 0) complexity += op.target() - i;
            if (op instanceof Op.Insn in) {
                complexity += in.skew();
                for (int v : in.operands()) complexity += rank(v);
            } else if (op instanceof Op.Li li) {
                complexity += rank(li.value());
            } else if (op instanceof Op.TileMem t) {
                complexity += (t.stride() == 0 ? 0 : t.stride() == 32 ? 1 : 2) + (t.tile() != 0 ? 1 : 0)
                        + ((t.address() & (Layout.BLOCK_BYTES - 1)) != 0 ? 1 : 0);
            } else if (op instanceof Op.JumpReg j) {
                complexity += j.offset() + (j.rd() != 0 ? 1 : 0);
            } else if (op instanceof Op.LoopHead h) {
                complexity += h.count() - 1;
            } else if (op instanceof Op.Illegal il) {
                complexity += il.word() != 0 ? 1 : 0;
            } else if (op instanceof Op.MtvecWrite mw) {
                complexity += (mw.insn() != Instruction.CSRRSI ? 1 : 0) + mw.low() + (mw.rd() != 0 ? 1 : 0);
            } else if (op instanceof Op.StoreAt st) {
                complexity += st.rs2() != 0 ? 1 : 0;
            } else if (op instanceof Op.Smc sm) {
                complexity += sm.gap() + (sm.rs1() != 0 ? 1 : 0);
            }
        }
        long inits = 0;
        for (int r = 1; r <= Layout.GENERAL_REGS; r++) inits += rank(p.init(r));
        return new long[] {p.size(), inits, p.nonZeroDataWords(), complexity};
    }
}
