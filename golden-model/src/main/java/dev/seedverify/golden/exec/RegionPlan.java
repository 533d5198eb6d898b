package dev.seedverify.golden.exec;

import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one translation covers: the guest code reachable from an entry pc through fall-through,
 * branches, direct jumps and direct calls (into the callee, and on at the return site, which the
 * callee's return reaches through {@link #returnSites}), cut into basic blocks, up to a number of
 * instructions. Indirect jumps, traps and {@code mret} end a path (the translation exits to the
 * dispatcher there unless an indirect jump lands on a return site); words that are not fetchable
 * in the window or not legal instructions are left out (the interpreter takes their traps).
 */
final class RegionPlan {
    /** A basic block: instructions at consecutive pcs, entered only at its start. */
    static final class Block {
        final int start;
        final Instruction[] insns;
        final int[] words;
        /** The decode entries (imm in the high half, register fields in the low). */
        final long[] entries;
        /** The pc after the last instruction when it can fall through (not a jump or trap), else null. */
        final Integer fallThrough;

        Block(int start, List<Instruction> insns, List<Integer> words, List<Long> entries, Integer fallThrough) {
            this.start = start;
            this.insns = insns.toArray(new Instruction[0]);
            this.words = words.stream().mapToInt(Integer::intValue).toArray();
            this.entries = entries.stream().mapToLong(Long::longValue).toArray();
            this.fallThrough = fallThrough;
        }

        int length() { return insns.length; }

        int pc(int i) { return start + 4 * i; }
    }

    final int entry;
    /** Blocks by start pc; the first is the entry's. */
    final List<Block> blocks;
    private final TreeMap<Integer, Block> byStart = new TreeMap<>();
    /** GPRs the code reads or writes (held in JVM locals while it runs), and those it may write. */
    final BitSet registers = new BitSet(32), written = new BitSet(32);
    /** Every covered word's pc. */
    final int[] pcs;
    /**
     * Covered block starts that follow a call ({@code jal} or {@code jalr} writing a link
     * register), in signed ascending order (a lookupswitch's): an indirect jump to one of them (a return, usually) stays in the
     * translation, so recursive and called code runs without leaving it.
     */
    final int[] returnSites;

    private RegionPlan(int entry, List<Block> blocks) {
        this.entry = entry;
        this.blocks = Collections.unmodifiableList(blocks);
        int n = 0;
        for (Block b : blocks) {
            byStart.put(b.start, b);
            n += b.length();
            for (int i = 0; i < b.length(); i++) {
                for (int r : gprOperands(b.insns[i], b.words[i])) registers.set(r);
                int rd = writtenGpr(b.insns[i], b.words[i]);
                if (rd != 0) written.set(rd);
            }
        }
        registers.clear(0);
        pcs = new int[n];
        int k = 0;
        for (Block b : blocks) for (int i = 0; i < b.length(); i++) pcs[k++] = b.pc(i);
        java.util.TreeSet<Integer> sites = new java.util.TreeSet<>();
        for (Block b : blocks) {
            int last = b.length() - 1;
            Instruction insn = b.insns[last];
            if ((insn == Instruction.JAL || insn == Instruction.JALR) && ((b.entries[last] >>> Hart.RD_SHIFT) & 31) != 0
                    && byStart.containsKey(b.pc(last) + 4)) {
                sites.add(b.pc(last) + 4);
            }
        }
        returnSites = sites.stream().mapToInt(Integer::intValue).toArray();
    }

    int instructions() { return pcs.length; }

    Block blockAt(int pc) { return byStart.get(pc); }

    /** Where a path leaves the plan: the interpreter or another translation continues there. */
    boolean covers(int pc) { return byStart.containsKey(pc); }

    /**
     * Finds the code reachable from {@code entry}: at most {@code maxInstructions} instructions,
     * each fetchable in [windowLo, windowLo + windowSpan). Returns null when not even the entry
     * instruction qualifies.
     */
    static RegionPlan discover(Memory mem, int windowLo, int windowSpan, int entry, int maxInstructions) {
        TreeMap<Integer, Long> code = new TreeMap<>();
        Set<Integer> leaders = new HashSet<>();
        new Discovery(mem, windowLo, windowSpan, maxInstructions).explore(entry, code, leaders);
        if (code.isEmpty()) return null;

        List<Block> blocks = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(leaders);
        starts.removeIf(s -> !code.containsKey(s));
        Collections.sort(starts, Integer::compareUnsigned);
        starts.remove(Integer.valueOf(entry));
        starts.add(0, entry);
        for (int start : starts) {
            List<Instruction> insns = new ArrayList<>();
            List<Integer> words = new ArrayList<>();
            List<Long> entries = new ArrayList<>();
            int pc = start;
            Integer fallThrough;
            while (true) {
                long d = code.get(pc);
                Instruction insn = Hart.instruction(d);
                insns.add(insn);
                words.add(mem.loadWord(pc - Memory.BASE));
                entries.add(d);
                if (insn.category() == dev.seedverify.golden.isa.Category.BRANCH) {
                    fallThrough = pc + 4;
                    break;
                }
                if (insn == Instruction.JAL || endsPath(insn)) {
                    fallThrough = null;
                    break;
                }
                pc += 4;
                if (leaders.contains(pc) || !code.containsKey(pc)) {
                    fallThrough = pc;
                    break;
                }
            }
            blocks.add(new Block(start, insns, words, entries, fallThrough));
        }
        return new RegionPlan(entry, blocks);
    }

    /**
     * Finds a plan's code. A callee is taken in whole or not at all when it fits a translation of
     * its own: a caller does not copy part of a function that has, or will have, a translation of
     * its own (HotSpot would compile that code twice, and the caller's copy would keep leaving
     * where it stops), while a recursive function's calls to itself stay inside (the callee is
     * code already found). A callee too large for any translation (a recursive function the size
     * of qsort's, with records, which make translations hold about half the code) is never whole
     * anywhere: it is followed like a jump, as far as the size allows, which keeps more of its
     * calls to itself inside.
     */
    private static final class Discovery {
        private final Memory mem;
        private final int windowLo, windowSpan, maxInstructions;
        /** Per callee, whether all of its code fits a translation by itself. */
        private final java.util.Map<Integer, Boolean> fitsAlone = new java.util.HashMap<>();
        /** Callees being sized (a recursive call to one of them is taken as fitting). */
        private final Set<Integer> sizing = new HashSet<>();

        Discovery(Memory mem, int windowLo, int windowSpan, int maxInstructions) {
            this.mem = mem;
            this.windowLo = windowLo;
            this.windowSpan = windowSpan;
            this.maxInstructions = maxInstructions;
        }

        /**
         * Adds the code reachable from {@code start} to {@code code} (at most maxInstructions in
         * all), with the block starts it finds in {@code leaders}: fall-through, branches, jumps, the
         * return site after every call and callees too large to fit alone first, then each other
         * callee if all of it fits in what is left (else its call leaves the translation). Returns
         * whether everything reachable was added.
         */
        boolean explore(int start, TreeMap<Integer, Long> code, Set<Integer> leaders) {
            ArrayDeque<Integer> work = new ArrayDeque<>();
            List<Integer> wholeCallees = new ArrayList<>();
            boolean whole = true;
            leaders.add(start);
            work.add(start);
            while (!work.isEmpty()) {
                int pc = work.poll();
                while (true) {
                    if (code.containsKey(pc)) {
                        leaders.add(pc); // reached the middle of code already found: a block starts here
                        break;
                    }
                    if (code.size() == maxInstructions) {
                        whole = false;
                        break;
                    }
                    if (Integer.compareUnsigned(pc - windowLo, windowSpan) >= 0) break;
                    long d = decoded(mem, pc - Memory.BASE);
                    Instruction insn = Hart.instruction(d);
                    if (insn == null) break; // illegal: the interpreter traps there
                    code.put(pc, d);
                    int imm = (int) (d >>> 32);
                    if (insn.category() == dev.seedverify.golden.isa.Category.BRANCH) {
                        follow(pc + imm, leaders, work);
                        follow(pc + 4, leaders, work);
                        break;
                    }
                    boolean links = ((d >>> Hart.RD_SHIFT) & 31) != 0;
                    if (insn == Instruction.JAL) {
                        int target = pc + imm;
                        if (links && (target & 3) == 0 && !code.containsKey(target) && fits(target)) wholeCallees.add(target);
                        else follow(target, leaders, work);
                        if (links) follow(pc + 4, leaders, work);
                        break;
                    }
                    if (insn == Instruction.JALR && links) follow(pc + 4, leaders, work);
                    if (endsPath(insn)) break;
                    pc += 4;
                }
            }
            for (int callee : wholeCallees) {
                if (code.containsKey(callee)) {
                    leaders.add(callee); // recursion, or a callee already taken in
                    continue;
                }
                TreeMap<Integer, Long> codeBefore = new TreeMap<>(code);
                Set<Integer> leadersBefore = new HashSet<>(leaders);
                if (!explore(callee, code, leaders)) {
                    code.clear();
                    code.putAll(codeBefore);
                    leaders.clear();
                    leaders.addAll(leadersBefore);
                    whole = false;
                }
            }
            return whole;
        }

        private boolean fits(int callee) {
            if (sizing.contains(callee)) return true; // a call back into a callee being sized
            Boolean known = fitsAlone.get(callee);
            if (known != null) return known;
            sizing.add(callee);
            boolean fits = explore(callee, new TreeMap<>(), new HashSet<>());
            sizing.remove(callee);
            fitsAlone.put(callee, fits);
            return fits;
        }
    }

    private static void follow(int target, Set<Integer> leaders, ArrayDeque<Integer> work) {
        if ((target & 3) != 0) return; // a misaligned target traps at the jump (the interpreter's job)
        if (leaders.add(target)) work.add(target);
    }

    /** Instructions after which execution does not go on at pc + 4 or at a static target. */
    static boolean endsPath(Instruction insn) {
        return insn == Instruction.JALR || insn == Instruction.ECALL || insn == Instruction.EBREAK || insn == Instruction.MRET;
    }

    /** The decode entry of the word at {@code off}, decoding (and caching) it if needed. */
    static long decoded(Memory mem, int off) {
        long d = mem.decodedAt(off);
        if (d == 0) {
            d = Hart.predecode(mem.loadWord(off));
            mem.cacheDecoded(off, d);
        }
        return d;
    }

    /** The GPRs an instruction names (read or written), from its operand table; x0 included. */
    static List<Integer> gprOperands(Instruction insn, int word) {
        List<Integer> regs = new ArrayList<>(3);
        for (Operand o : insn.operands()) {
            if (o.kind() == OperandKind.GPR) regs.add(o.field().extract(word));
        }
        return regs;
    }

    /** The GPR an instruction writes (its rd operand), or 0. */
    static int writtenGpr(Instruction insn, int word) {
        for (Operand o : insn.operands()) {
            if (o.kind() == OperandKind.GPR && o.field() == Field.RD) return Field.RD.extract(word);
        }
        return 0;
    }
}
