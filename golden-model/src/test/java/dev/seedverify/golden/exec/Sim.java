package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Gpr;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: assembles a snippet into a tiny bare-mode program, runs it on a fresh {@link Hart}
 * with a {@link CommitLog}, and exposes the architectural state and the commit records.
 *
 * <p>The snippet is wrapped as
 * <pre>
 * _start: &lt;code&gt;
 * _end:   j _end          # the run stops when pc reaches _end (before executing it)
 * _trap:  j _end          # mtvec points here: a trap ends the snippet, leaving mepc/mcause/mtval
 *         .align 3
 *         &lt;data&gt;
 * </pre>
 * mtvec is set to {@code _trap} from Java (not by instructions), so the snippet's records and
 * counters are exactly its own. A snippet may install its own handler with {@code csrw mtvec}.
 */
final class Sim {
    static final int BASE = Memory.BASE;
    static final int DEFAULT_DRAM = Memory.MIN_BYTES;
    static final long STEP_LIMIT = 2_000_000;

    final ElfImage image;
    final Hart hart;
    final CommitLog log;
    private final int end;
    private final List<CommitRecord> records = new ArrayList<>();

    private Sim(ElfImage image, int dramBytes, int logCapacity) {
        this.image = image;
        this.hart = new Hart(new Memory(dramBytes));
        BareMetal.load(hart, image);
        this.log = logCapacity > 0 ? new CommitLog(logCapacity) : null;
        hart.setCommitLog(log);
        this.end = image.symbol("_end").getAsInt();
        hart.setCsr(Csr.MTVEC, image.symbol("_trap").getAsInt());
    }

    static String wrap(String code, String data) {
        return "_start:\n" + code + "\n_end:   j _end\n_trap:  j _end\n        .align 3\n" + data + "\n";
    }

    /** Assembles and loads (does not run). */
    static Sim load(String code) { return load(code, ""); }

    static Sim load(String code, String data) { return load(code, data, DEFAULT_DRAM); }

    static Sim load(String code, String data, int dramBytes) {
        return new Sim(Assembler.assemble(wrap(code, data), "snippet.S"), dramBytes, 4096);
    }

    static Sim loadWithoutLog(String code, String data, int dramBytes) {
        return new Sim(Assembler.assemble(wrap(code, data), "snippet.S"), dramBytes, 0);
    }

    /** Assembles, loads and runs to {@code _end}. */
    static Sim run(String code) { return load(code).go(); }

    static Sim run(String code, String data) { return load(code, data).go(); }

    /** Sets a register before running (e.g. for property tests). */
    Sim set(String reg, int value) {
        hart.setX(reg(reg), value);
        return this;
    }

    /** Runs until pc reaches {@code _end}; fails if that takes more than {@link #STEP_LIMIT} steps. */
    Sim go() {
        if (hart.engine() == ExecutionEngine.TRANSLATOR) return inOneRun(() -> goByStep());
        goByStep();
        return this;
    }

    /** Steps until pc reaches _end or the run stops; returns the last stop reason. */
    private StopReason goByStep() {
        long steps = 0;
        StopReason r = StopReason.BUDGET;
        while (hart.pc() != end) {
            r = hart.run(1);
            drain();
            assertThat(r).as("stop reason").isIn(StopReason.BUDGET, StopReason.HALTED, StopReason.TRAPPED);
            if (r != StopReason.BUDGET) break;
            if (++steps > STEP_LIMIT) throw new AssertionError("snippet did not reach _end in " + STEP_LIMIT + " steps, pc=" + hex(hart.pc()));
        }
        return r;
    }

    /** Runs until pc reaches {@code label} (not executing it). */
    Sim runTo(String label) {
        int target = sym(label);
        java.util.function.Supplier<StopReason> byStep = () -> {
            long steps = 0;
            while (hart.pc() != target) {
                hart.run(1);
                drain();
                if (++steps > STEP_LIMIT) throw new AssertionError("did not reach " + label);
            }
            return StopReason.BUDGET;
        };
        if (hart.engine() == ExecutionEngine.TRANSLATOR) return inOneRun(byStep);
        byStep.get();
        return this;
    }

    /**
     * Stepping one instruction per run would never enter translated code, so with the translator
     * the stepping happens on the interpreter from a snapshot, only to count the steps; then the
     * snapshot is restored and the translator runs that many steps in one run call (draining the
     * log when it fills). The state and records the test sees are the translator's; it must stop
     * where stepping stopped, and with the same reason.
     */
    private Sim inOneRun(java.util.function.Supplier<StopReason> byStep) {
        Hart.Snapshot before = hart.snapshot();
        long start = hart.order();
        int recordsBefore = records.size();
        hart.setEngine(ExecutionEngine.INTERPRETER);
        StopReason expected = byStep.get();
        long steps = hart.order() - start;
        int expectedPc = hart.pc();
        records.subList(recordsBefore, records.size()).clear();
        if (log != null) log.clear();
        hart.restore(before);
        hart.setEngine(ExecutionEngine.TRANSLATOR);
        StopReason r = StopReason.BUDGET;
        while (hart.order() - start < steps) {
            // a full log is drained; a stop before the count means stepping went on after it (runTo)
            r = hart.run(steps - (hart.order() - start));
            drain();
        }
        assertThat(hart.order() - start).as("steps").isEqualTo(steps);
        assertThat(hart.pc()).as("pc after %d steps", steps).isEqualTo(expectedPc);
        if (expected != StopReason.BUDGET) assertThat(r).as("stop reason").isEqualTo(expected);
        return this;
    }

    /** Executes exactly {@code n} more instructions (retired or trapping). */
    Sim step(int n) {
        hart.run(n);
        drain();
        return this;
    }

    private void drain() {
        if (log == null) return;
        for (int i = 0; i < log.size(); i++) records.add(log.get(i));
        log.clear();
    }

    // ------------------------------------------------------------------ state

    static int reg(String name) {
        int r = Gpr.parse(name);
        if (r < 0) throw new IllegalArgumentException("no register " + name);
        return r;
    }

    int x(String reg) { return hart.x(reg(reg)); }

    int csr(Csr c) { return hart.csr(c); }

    int pc() { return hart.pc(); }

    int sym(String name) {
        return image.symbol(name).orElseThrow(() -> new IllegalArgumentException("no symbol " + name));
    }

    int word(int address) { return hart.memory().loadWord(address - BASE); }

    int word(String label) { return word(sym(label)); }

    int word(String label, int byteOffset) { return word(sym(label) + byteOffset); }

    int tileWord(int tile, int index) { return hart.tiles().word(tile, index); }

    int[] tile(int tile) {
        int[] w = new int[64];
        for (int i = 0; i < 64; i++) w[i] = hart.tiles().word(tile, i);
        return w;
    }

    long instret() { return hart.instret(); }

    // ------------------------------------------------------------------ records

    List<CommitRecord> records() { return records; }

    /** The first record of the instruction at {@code label}. */
    CommitRecord at(String label) {
        int pc = sym(label);
        for (CommitRecord r : records) if (r.pc() == pc) return r;
        throw new AssertionError("no record at " + label + " (" + hex(pc) + ")");
    }

    /** The first trap record. */
    CommitRecord trapRecord() {
        for (CommitRecord r : records) if (r.trap()) return r;
        throw new AssertionError("no trap was taken");
    }

    boolean trapped() {
        for (CommitRecord r : records) if (r.trap()) return true;
        return false;
    }

    static String hex(int v) { return String.format("0x%08x", v); }
}
