package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The executor's loop allocates nothing per instruction, on both engines: ~1M instructions of a
 * mixed workload (ALU, M, loads/stores, CSRs incl. minstret, branches, traps, tile
 * loads/stores/compute with flags) allocate far less than one byte per instruction, with records
 * off and with records on into a preallocated log; and so does translated code running a scalar
 * loop nest (once translated, nothing in it goes back to the interpreter).
 */
class HotLoopAllocationTest {

    static final long INSTRUCTIONS = 1_000_000;
    static final long LIMIT_BYTES = 64 * 1024;

    static final String WORKLOAD = """
            _start:
                la t0, handler
                csrw mtvec, t0
                la s0, buf
                li s1, 0
            loop:
                addi s1, s1, 1
                mul a0, s1, s1
                divu a1, a0, s1
                sw a0, 0(s0)
                lbu a2, 1(s0)
                sh a2, 6(s0)
                csrr a3, minstret
                csrw mscratch, a3
                tput m1, a0, s1
                tld m0, (s0), zero
                tadd.f32 m2, m1, m2
                tmma.i8 m3, m0, m1
                tquant.i8 m4, m3
                tcvt.e4m3 m5, m2
                tmma.e4m3 m6, m5, m5
                tst m3, (s0), zero
                andi t1, s1, 63
                bnez t1, loop
                ebreak
                j loop
            handler:
                csrr t2, mepc
                addi t2, t2, 4
                csrw mepc, t2
                mret
                .align %d
            buf: .space 64
            """;

    static com.sun.management.ThreadMXBean threads;

    /** The JDKs this project supports (HotSpot 17+) measure per-thread allocation: without it the guarantee would go unchecked, so that fails. */
    @BeforeAll
    static void bean() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        assertThat(b).as("this JVM cannot measure per-thread allocation (com.sun.management.ThreadMXBean)")
                .isInstanceOf(com.sun.management.ThreadMXBean.class);
        threads = (com.sun.management.ThreadMXBean) b;
        assertThat(threads.isThreadAllocatedMemorySupported()).as("thread allocated memory supported").isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        assertThat(threads.isThreadAllocatedMemoryEnabled()).as("thread allocated memory enabled").isTrue();
    }

    private static long allocated() { return threads.getThreadAllocatedBytes(Thread.currentThread().getId()); }

    /** Loads and multiplies words of two arrays in a loop nest, stores the sums: all of it translatable. */
    static final String SCALAR_WORKLOAD = """
            _start:
                la s0, buf
            outer:
                li a0, 0
            rows:
                li a1, 0
                li a3, 0
            inner:
                slli a4, a1, 2
                add a4, a4, s0
                lw a5, 0(a4)
                lhu a6, 64(a4)
                mul a5, a5, a6
                add a3, a3, a5
                addi a1, a1, 1
                li t0, 16
                blt a1, t0, inner
                slli a4, a0, 2
                add a4, a4, s0
                sw a3, 128(a4)
                sb a0, 0(a4)
                addi a0, a0, 1
                blt a0, t0, rows
                j outer
                .align 12
            buf: .space 256
            """;

    /** The workload with its data buffer on its own 4 KiB page (12) or on the code's page (5). */
    private static Hart loaded(int dataAlignLog2, ExecutionEngine engine) {
        return loaded(WORKLOAD.formatted(dataAlignLog2), engine);
    }

    private static Hart loaded(String source, ExecutionEngine engine) {
        ElfImage img = Assembler.assemble(source, "workload.S");
        Hart h = new Hart(new Memory(Memory.MIN_BYTES), engine);
        BareMetal.load(h, img);
        return h;
    }

    /** Runs {@code n} instructions, draining the log (if any) whenever it fills. */
    private static void runFor(Hart h, long n) {
        long end = h.order() + n;
        CommitLog log = h.commitLog();
        while (h.order() < end) {
            StopReason r = h.run(end - h.order());
            if (log != null) log.clear();
            if (r == StopReason.HALTED || r == StopReason.TRAPPED) throw new AssertionError("stopped: " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionEngine.class)
    void runWithRecordsOffAllocatesNothingPerInstruction(ExecutionEngine engine) {
        Hart h = loaded(12, engine);
        runFor(h, INSTRUCTIONS); // warm up: decode cache pages, JIT
        long before = allocated();
        runFor(h, INSTRUCTIONS);
        long bytes = allocated() - before;
        assertThat(h.instret()).isGreaterThan(INSTRUCTIONS); // it really ran
        assertThat(bytes).as("bytes allocated by %d instructions", INSTRUCTIONS).isLessThan(LIMIT_BYTES);
    }

    @ParameterizedTest
    @EnumSource(ExecutionEngine.class)
    void runWithRecordsIntoAPreallocatedLogAllocatesNothingPerInstruction(ExecutionEngine engine) {
        Hart h = loaded(12, engine);
        h.setCommitLog(new CommitLog(4096));
        runFor(h, INSTRUCTIONS);
        long before = allocated();
        runFor(h, INSTRUCTIONS);
        long bytes = allocated() - before;
        assertThat(h.order()).isEqualTo(2 * INSTRUCTIONS); // it really ran
        assertThat(bytes).as("bytes allocated by %d recorded instructions", INSTRUCTIONS).isLessThan(LIMIT_BYTES);
    }

    /**
     * A tile store into the page that holds the running code invalidates only the decoded words
     * it wrote; dropping the whole page (an earlier bug) re-decoded and reallocated the code page
     * on every store. Small kernels keep data next to code, so this is the hot loop's case.
     */
    @ParameterizedTest
    @EnumSource(ExecutionEngine.class)
    void tileStoreIntoTheCodePageAllocatesNothingPerInstruction(ExecutionEngine engine) {
        Hart h = loaded(5, engine);
        runFor(h, INSTRUCTIONS);
        long before = allocated();
        runFor(h, INSTRUCTIONS);
        long bytes = allocated() - before;
        assertThat(h.order()).isEqualTo(2 * INSTRUCTIONS); // it really ran
        assertThat(bytes).as("bytes allocated by %d instructions whose tile stores hit the code page",
                INSTRUCTIONS).isLessThan(LIMIT_BYTES);
    }

    @ParameterizedTest
    @EnumSource(ExecutionEngine.class)
    void translatedCodeAllocatesNothingPerInstructionWithRecordsOffAndOn(ExecutionEngine engine) {
        Hart h = loaded(SCALAR_WORKLOAD, engine);
        runFor(h, INSTRUCTIONS);
        long before = allocated();
        runFor(h, INSTRUCTIONS);
        long off = allocated() - before;
        h.setCommitLog(new CommitLog(4096));
        runFor(h, INSTRUCTIONS);
        before = allocated();
        runFor(h, INSTRUCTIONS);
        long on = allocated() - before;
        assertThat(h.order()).isEqualTo(4 * INSTRUCTIONS); // it really ran
        if (engine == ExecutionEngine.TRANSLATOR) {
            assertThat(h.translator().translations).as("translations made").isPositive();
        }
        assertThat(off).as("bytes allocated by %d instructions, records off", INSTRUCTIONS).isLessThan(LIMIT_BYTES);
        assertThat(on).as("bytes allocated by %d recorded instructions", INSTRUCTIONS).isLessThan(LIMIT_BYTES);
    }
}
