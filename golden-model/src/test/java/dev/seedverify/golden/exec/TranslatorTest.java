package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The translating engine against the interpreter on what translation could get wrong: the
 * budget and a full log inside a translated block, tohost, faults in the middle of a block,
 * code written by the program, the host, a reload or a restore, launch windows, the counter
 * source, the bounded cache and its unloading. Each hart translates every entry point at once
 * ({@link TranslationPolicy#EAGER}), whatever engine the test run selects.
 */
class TranslatorTest {

    /** A loop with loads, stores, multiply, divide and a data-dependent branch. */
    static final String LOOP = """
            _start:
                la s0, buf
                li s1, 0x12345
                li s2, 0
            loop:
                mul s1, s1, s1
                addi s1, s1, 7
                andi t0, s2, 60
                add t0, t0, s0
                sw s1, 0(t0)
                lbu t1, 1(t0)
                divu t2, s1, t1
                remu t3, s1, s2
                andi t4, s1, 1
                beqz t4, even
                xor s3, s3, t2
            even:
                add s3, s3, t3
                addi s2, s2, 1
                j loop
                .align 6
            buf: .space 64
            """;

    /**
     * A loop calling a recursive function (a sum over a depth that varies per call, saving ra and
     * s0 on the stack), through jal (which translations follow into the callee) and, every other
     * call, jalr (which they leave at): returns to return sites inside and outside the callee's
     * translation.
     */
    static final String CALLS = """
            _start:
                la sp, stack_top
                li s1, 0
                li s2, 0
            loop:
                andi a0, s1, 15
                addi a0, a0, 1
                andi t0, s1, 1
                beqz t0, direct
                la t1, sum
                jalr t1
                j after
            direct:
                jal sum
            after:
                add s2, s2, a0
                addi s1, s1, 1
                j loop
            sum:                        # a0 = a0 + (a0 - 1) + ... + 1, recursively
                addi sp, sp, -8
                sw ra, 4(sp)
                sw s0, 0(sp)
                mv s0, a0
                li t2, 1
                ble a0, t2, leaf
                addi a0, a0, -1
                jal sum
                add a0, a0, s0
            leaf:
                lw s0, 0(sp)
                lw ra, 4(sp)
                addi sp, sp, 8
                ret
                .align 4
                .space 1024
            stack_top:
            """;

    static Hart hart(ElfImage image, ExecutionEngine engine) {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES), engine);
        h.setEngine(engine, TranslationPolicy.EAGER);
        BareMetal.load(h, image);
        return h;
    }

    static Hart translating(ElfImage image) { return hart(image, ExecutionEngine.TRANSLATOR); }

    static Hart interpreting(ElfImage image) { return hart(image, ExecutionEngine.INTERPRETER); }

    static ElfImage asm(String source) { return Assembler.assemble(source, "translator-test.S"); }

    static List<Object> state(Hart h) { return SnapshotAndDeterminismTest.state(h); }

    /** Runs {@code steps} recording, draining the log into keys whenever it fills; stops at HALTED/TRAPPED. */
    static List<String> records(Hart h, long steps, int capacity) {
        CommitLog log = new CommitLog(capacity);
        h.setCommitLog(log);
        List<String> out = new ArrayList<>();
        long end = h.order() + steps;
        while (h.order() < end) {
            StopReason r = h.run(end - h.order());
            for (int i = 0; i < log.size(); i++) out.add(SnapshotAndDeterminismTest.key(log.get(i)));
            log.clear();
            if (r == StopReason.HALTED || r == StopReason.TRAPPED) break;
        }
        h.setCommitLog(null);
        return out;
    }

    @Test
    void hotLoopRunsAsTranslatedCodeWithTheInterpretersResults() {
        Hart t = translating(asm(LOOP)), i = interpreting(asm(LOOP));
        assertThat(t.run(300_000)).isEqualTo(StopReason.BUDGET);
        i.run(300_000);
        assertThat(state(t)).isEqualTo(state(i));
        assertThat(t.translator().translations).isPositive();
    }

    @Test
    void everyRecordOfTranslatedCodeEqualsTheInterpreters() {
        ElfImage busy = SnapshotAndDeterminismTest.busy(); // traps, CSRs, counters, tiles, mret
        assertThat(records(translating(busy), 20_000, 4096)).isEqualTo(records(interpreting(busy), 20_000, 4096));
        assertThat(records(translating(asm(LOOP)), 20_000, 4096)).isEqualTo(records(interpreting(asm(LOOP)), 20_000, 4096));
    }

    @Test
    void aLogSlotReusedAfterATrapCsrOrTileRecordHoldsNoneOfItsFieldsInATranslatedRecord() {
        // translated records leave flags, trap, CSR and tile fields to the log, which clears them
        // when a slot that had them is reused: every capacity reuses slots at other offsets
        ElfImage busy = SnapshotAndDeterminismTest.busy();
        for (int capacity : new int[] {1, 3, 7, 64}) {
            assertThat(records(translating(busy), 20_000, capacity)).as("capacity %d", capacity)
                    .isEqualTo(records(interpreting(busy), 20_000, capacity));
        }
    }

    @Test
    void runStopsExactlyAtTheBudgetInsideATranslatedBlock() {
        assertEveryBudgetStopsWhereTheInterpreterDoes(LOOP, 40);
    }

    /** After a warm-up, runs of 1..{@code maxBudget} instructions stop exactly there, in the interpreter's state. */
    private static void assertEveryBudgetStopsWhereTheInterpreterDoes(String program, int maxBudget) {
        Hart t = translating(asm(program)), i = interpreting(asm(program));
        t.run(5_000);
        i.run(5_000);
        for (int budget = 1; budget <= maxBudget; budget++) {
            long before = t.order();
            assertThat(t.run(budget)).isEqualTo(StopReason.BUDGET);
            i.run(budget);
            assertThat(t.order() - before).as("instructions run with budget %d", budget).isEqualTo(budget);
            assertThat(state(t)).as("after a run of %d", budget).isEqualTo(state(i));
        }
    }

    @Test
    void recursiveCallsAndReturnsRunInsideOneTranslationWithTheInterpretersRecords() {
        Hart t = translating(asm(CALLS)), i = interpreting(asm(CALLS));
        assertThat(records(t, 50_000, 4096)).isEqualTo(records(i, 50_000, 4096));
        assertThat(state(t)).isEqualTo(state(i));
        Hart fast = translating(asm(CALLS)), ref = interpreting(asm(CALLS));
        fast.run(300_000);
        ref.run(300_000);
        assertThat(state(fast)).isEqualTo(state(ref));
        assertThat(fast.x(18)).as("s2, the sum of the sums").isPositive();
        // the loop, the callee and its recursion are one translation (entered at its blocks)
        assertThat(fast.translator().translations).isLessThanOrEqualTo(2);
    }

    @Test
    void runsStopExactlyAtTheBudgetInsideCalleesAndAtReturnSites() {
        // a run that stops anywhere (in the recursion, at a return site) resumes there
        assertEveryBudgetStopsWhereTheInterpreterDoes(CALLS, 60);
    }

    @Test
    void aCalleeRewrittenByTheProgramMakesTheCallersTranslationStale() {
        // After 300 calls the loop rewrites the callee's addi (1 -> 5): the translation that
        // followed the call into the callee is stale from the store on. 600 calls, then halt.
        int addFive = Encoder.encode(Instruction.ADDI, 10, 10, 5);
        ElfImage img = asm("""
                _start:
                    li s1, 0
                    la t0, patch
                    li t1, %d
                loop:
                    li a0, 0
                    jal bump
                    add s2, s2, a0
                    addi s1, s1, 1
                    li t2, 300
                    bne s1, t2, no_patch
                    sw t1, 0(t0)
                no_patch:
                    li t2, 600
                    bne s1, t2, loop
                    la t0, tohost
                    li t1, 1
                    sw t1, 0(t0)
                spin: j spin
                bump:
                patch:
                    addi a0, a0, 1
                    ret
                    .align 3
                tohost: .word 0, 0
                """.formatted(addFive));
        Hart t = translating(img), i = interpreting(img);
        assertThat(records(t, 100_000, 4096)).isEqualTo(records(i, 100_000, 4096));
        assertThat(state(t)).isEqualTo(state(i));
        assertThat(t.tohostValue()).isEqualTo(1);
        assertThat(t.x(18)).as("s2: 300 calls added 1, 300 added 5").isEqualTo(300 + 5 * 300);
        assertThat(t.translator().staleDrops).isPositive();
    }

    @Test
    void aFullLogStopsTranslatedCodeAtTheSameRecordAsTheInterpreter() {
        for (int capacity : new int[] {1, 7, 13, 64}) {
            Hart t = translating(asm(LOOP)), i = interpreting(asm(LOOP));
            CommitLog lt = new CommitLog(capacity), li = new CommitLog(capacity);
            t.setCommitLog(lt);
            i.setCommitLog(li);
            for (int round = 0; round < 300; round++) {
                StopReason rt = t.run(1_000_000), ri = i.run(1_000_000);
                assertThat(rt).isEqualTo(ri).isEqualTo(StopReason.LOG_FULL);
                assertThat(lt.size()).isEqualTo(capacity);
                for (int k = 0; k < capacity; k++) {
                    assertThat(SnapshotAndDeterminismTest.key(lt.get(k))).isEqualTo(SnapshotAndDeterminismTest.key(li.get(k)));
                }
                lt.clear();
                li.clear();
            }
            assertThat(state(t)).isEqualTo(state(i));
        }
    }

    @Test
    void aTohostStoreInATranslatedLoopEndsTheRunRightAfterIt() {
        ElfImage img = asm("""
                _start:
                    la t0, tohost
                    li t1, 1000
                loop:
                    sw zero, 0(t0)          # a zero word does not halt
                    addi t1, t1, -1
                    bnez t1, loop
                    li t2, 3
                    sw t2, 0(t0)
                    li a0, 99               # never runs
                spin: j spin
                    .align 3
                tohost: .word 0, 0
                """);
        Hart t = translating(img);
        assertThat(t.run(1_000_000)).isEqualTo(StopReason.HALTED);
        assertThat(t.tohostValue()).isEqualTo(3);
        assertThat(t.order()).isEqualTo(3 + 3 * 1000 + 2); // la is two instructions
        assertThat(t.x(10)).isZero();
        assertThat(t.translator().translations).isPositive();
    }

    @Test
    void aLoadFaultInTheMiddleOfATranslatedBlockIsPrecise() {
        ElfImage img = asm("""
                _start:
                    la t0, handler
                    csrw mtvec, t0
                    la s0, buf
                    li s1, 0
                loop:
                    addi s1, s1, 1
                    slli t1, s1, 12          # the address leaves DRAM after some 4 KiB steps
                    add t2, s0, t1
                    mv a1, s1                # written before the fault
                faulting:
                    lw a2, 0(t2)
                    addi s2, s2, 1           # not reached in the faulting iteration
                    j loop
                handler:
                    j handler
                    .align 4
                buf: .word 0
                """);
        Hart t = translating(img), i = interpreting(img);
        t.run(10_000);
        i.run(10_000);
        assertThat(state(t)).isEqualTo(state(i));
        assertThat(t.csr(Csr.MCAUSE)).isEqualTo(5);
        assertThat(t.csr(Csr.MEPC)).isEqualTo(img.symbol("faulting").getAsInt());
        int buf = img.symbol("buf").getAsInt();
        int faultingIteration = (Memory.MIN_BYTES - (buf - Memory.BASE) + 4095) / 4096;
        assertThat(t.csr(Csr.MTVAL)).isEqualTo(buf + (faultingIteration << 12));
        assertThat(t.x(9)).as("s1").isEqualTo(faultingIteration);
        assertThat(t.x(11)).as("a1, written before the fault").isEqualTo(faultingIteration);
        assertThat(t.x(18)).as("s2, after the fault").isEqualTo(faultingIteration - 1);
        assertThat(t.translator().translations).isPositive();
    }

    @Test
    void aStoreIntoTheRunningBlockChangesTheNextInstruction() {
        // The store rewrites the addi right after it, in the same translated block.
        int addTwo = Encoder.encode(Instruction.ADDI, 10, 10, 2);
        ElfImage img = asm("""
                _start:
                    li a0, 0
                    li s1, 500
                    la t0, patch
                    li t1, %d
                loop:
                    sw t1, 0(t0)
                patch:
                    addi a0, a0, 1
                    addi s1, s1, -1
                    bnez s1, loop
                spin: j spin
                """.formatted(addTwo));
        Hart t = translating(img), i = interpreting(img);
        t.run(6 + 4 * 500);
        i.run(6 + 4 * 500);
        assertThat(t.x(9)).isZero();
        assertThat(t.x(10)).isEqualTo(2 * 500);
        assertThat(state(t)).isEqualTo(state(i));
    }

    @Test
    void codeRewrittenEveryIterationKeepsTheInterpretersResultsAndGoesBackToTheInterpreter() {
        // Alternates the patched instruction every iteration: every translation of the page goes stale.
        ElfImage img = asm("""
                _start:
                    li s0, 0
                    li s1, 3000
                    la t0, patch
                    li t1, %d       # addi s0, s0, 1
                    li t2, %d       # addi s0, s0, 10
                loop:
                    sw t1, 0(t0)
                    fence.i
                patch:
                    nop
                    mv t3, t1
                    mv t1, t2
                    mv t2, t3
                    addi s1, s1, -1
                    bnez s1, loop
                spin: j spin
                """.formatted(Encoder.encode(Instruction.ADDI, 8, 8, 1), Encoder.encode(Instruction.ADDI, 8, 8, 10)));
        Hart t = translating(img), i = interpreting(img);
        t.run(100_000);
        i.run(100_000);
        assertThat(state(t)).isEqualTo(state(i));
        assertThat(t.x(8)).isEqualTo(1500 * 11);
        assertThat(t.translator().staleDrops).isPositive();
        // after MAX_STALE_PER_PAGE stale translations the page is left to the interpreter
        assertThat(t.translator().translations).isLessThan(Translator.MAX_STALE_PER_PAGE + 20);
    }

    @Test
    void hostWritesToTranslatedCodeAreSeenByTheNextRun() {
        int addTwo = Encoder.encode(Instruction.ADDI, 10, 10, 2);
        int addThree = Encoder.encode(Instruction.ADDI, 10, 10, 3);
        ElfImage img = asm("""
                _start:
                    li a0, 0
                loop:
                patch:
                    addi a0, a0, 1
                    j loop
                """);
        int patch = img.symbol("patch").getAsInt() - Memory.BASE;
        Hart t = translating(img);
        t.run(1 + 2 * 100);
        assertThat(t.x(10)).isEqualTo(100);
        byte[] word = {(byte) addTwo, (byte) (addTwo >>> 8), (byte) (addTwo >>> 16), (byte) (addTwo >>> 24)};
        t.memory().write(patch, word, 0, 4);          // host port / DMA
        t.run(2 * 100);
        assertThat(t.x(10)).isEqualTo(100 + 200);
        t.memory().fill(patch, 4, (byte) 0);            // an illegal word now: the interpreter traps
        t.setCsr(Csr.MTVEC, img.symbol("patch").getAsInt() + 4);
        t.run(1);
        assertThat(t.csr(Csr.MCAUSE)).isEqualTo(2);
        t.memory().storeWord(patch + 8, addThree);     // a spare word, then moved over the patch site
        t.memory().move(patch + 8, patch, 4);
        t.setPc(img.symbol("loop").getAsInt());
        long before = t.x(10);
        t.run(2 * 10);
        assertThat(t.x(10)).isEqualTo(before + 30);
    }

    @Test
    void loadingAnotherProgramReplacesTranslatedCode() {
        ElfImage a = asm("_start: li a0, 0\nloop: addi a0, a0, 1\nj loop\n");
        ElfImage b = asm("_start: li a0, 0\nloop: addi a0, a0, 5\nj loop\n");
        Hart t = translating(a);
        t.run(2001);
        assertThat(t.x(10)).isEqualTo(1000);
        BareMetal.load(t, b);
        t.run(2001);
        assertThat(t.x(10)).isEqualTo(5000);
    }

    @Test
    void restoringASnapshotRestoresTheCodeAndDropsTranslationsOfOtherCode() {
        ElfImage img = asm("_start: li a0, 0\nloop:\npatch: addi a0, a0, 1\nj loop\n");
        int patch = img.symbol("patch").getAsInt() - Memory.BASE;
        Hart t = translating(img);
        Hart.Snapshot snap = t.snapshot();
        t.memory().storeWord(patch, Encoder.encode(Instruction.ADDI, 10, 10, 7));
        t.run(2001);
        assertThat(t.x(10)).isEqualTo(7000);
        t.restore(snap);
        t.run(2001);
        assertThat(t.x(10)).isEqualTo(1000);
    }

    @Test
    void launchNarrowsTheWindowForCodeTranslatedUnderTheWholeDram() {
        int base = Memory.BASE + 0x1000, limit = Memory.BASE + 0x2000;
        // The loop straddles the window's limit: fine in bare mode, a fetch fault in the window.
        ElfImage img = Assembler.assemble("""
                loop:
                    addi a0, a0, 1
                    j next
                    .space 0xff8
                next:                        # at base + 0x1000 = the window's limit
                    addi a1, a1, 1
                    j loop
                """, "straddle.S", base);
        Hart t = new Hart(new Memory(Memory.MIN_BYTES), ExecutionEngine.TRANSLATOR);
        t.setEngine(ExecutionEngine.TRANSLATOR, TranslationPolicy.EAGER);
        t.memory().load(img);
        t.setPc(base);
        t.run(4_000);
        assertThat(t.x(10)).isEqualTo(1000);
        assertThat(t.x(11)).isEqualTo(1000);
        assertThat(t.translator().translations).isPositive();
        t.launch(base, 0, 0, base, limit);
        assertThat(t.run(4_000)).isEqualTo(StopReason.TRAPPED);
        assertThat(t.csr(Csr.MCAUSE)).isEqualTo(1);
        assertThat(t.csr(Csr.MTVAL)).isEqualTo(limit);
        assertThat(t.x(10)).isEqualTo(1);
    }

    @Test
    void mcycleReadsInTranslatedCodeCountOnFromAValueSetBetweenRuns() {
        ElfImage img = asm("""
                _start:
                    li s0, 0
                loop:
                    csrr t0, mcycle
                    add s0, s0, t0
                    addi s1, s1, 1
                    j loop
                """);
        Hart t = translating(img), i = interpreting(img);
        t.setCsr(Csr.MCYCLE, 1000);
        i.setCsr(Csr.MCYCLE, 1000);
        t.run(40_001);
        i.run(40_001);
        long expected = 0;
        for (long k = 0; k < 10_000; k++) expected += 1000 + 1 + 4 * k; // the read of round k is record 1 + 4k
        assertThat(t.x(8)).isEqualTo((int) expected);
        assertThat(state(t)).isEqualTo(state(i));
    }

    @Test
    void theCacheIsBoundedAndDroppedTranslationsAreUnloaded() throws InterruptedException {
        // 16 loops joined by indirect jumps (so each is a translation of its own); a table of 4
        // entry points must start over several times.
        StringBuilder src = new StringBuilder("_start:\n");
        for (int k = 0; k < 16; k++) {
            src.append("    li t0, 50\nloop").append(k).append(":\n    addi a0, a0, ").append(k + 1)
                    .append("\n    addi t0, t0, -1\n    bnez t0, loop").append(k)
                    .append("\n    la t1, next").append(k).append("\n    jr t1\nnext").append(k).append(":\n");
        }
        src.append("spin: j spin\n");
        ElfImage img = asm(src.toString());
        Hart t = translating(img), i = interpreting(img);
        t.translator().maxEntries = 4;
        t.run(60);
        WeakReference<Class<?>> early = new WeakReference<>(firstLiveRegionClass(t));
        assertThat(early.get()).isNotNull();
        t.run(5_000);
        i.run(5_060);
        assertThat(state(t)).isEqualTo(state(i));
        assertThat(t.translator().flushes).isPositive();
        assertThat(t.translator().liveEntries()).isLessThanOrEqualTo(4);
        // The code is also in the cache shared between harts: empty that too, then nothing holds it.
        CodeCache.setCapacity(0);
        try {
            for (int attempt = 0; attempt < 50 && early.get() != null; attempt++) {
                System.gc();
                Thread.sleep(20);
            }
        } finally {
            CodeCache.setCapacity(CodeCache.DEFAULT_CAPACITY);
        }
        assertThat(early.get()).as("the class of a dropped translation is unloaded").isNull();
    }

    private static Class<?> firstLiveRegionClass(Hart h) {
        for (int pc = Memory.BASE; pc < Memory.BASE + 4096; pc += 4) {
            Translation r = h.translator().cached(pc, false);
            if (r != null) return r.code.getClass();
        }
        return null;
    }

    @Test
    void hartsRunningTheSameCodeShareItsTranslation() {
        Hart first = translating(asm(LOOP));
        first.run(50_000);
        long defined = CodeCache.defined();
        Hart second = translating(asm(LOOP));
        second.run(50_000);
        assertThat(second.translator().translations).isPositive();
        assertThat(CodeCache.defined()).as("classes defined for the second hart").isEqualTo(defined);
        assertThat(state(second)).isEqualTo(state(first));
    }

    @Test
    void theSharedCodeCacheIsBounded() {
        CodeCache.setCapacity(3);
        try {
            Hart h = translating(asm(LOOP));
            h.run(50_000);
            assertThat(CodeCache.size()).isLessThanOrEqualTo(3);
        } finally {
            CodeCache.setCapacity(CodeCache.DEFAULT_CAPACITY);
        }
    }

    @Test
    void aTrapInCommandModeStopsTranslatedCodeWithTrapped() {
        int base = Memory.BASE + 0x1000;
        ElfImage img = Assembler.assemble("""
                loop:
                    addi a0, a0, 1
                    li t0, 1000
                    bne a0, t0, loop
                    ecall
                """, "kernel.S", base);
        Hart t = new Hart(new Memory(Memory.MIN_BYTES), ExecutionEngine.TRANSLATOR);
        t.setEngine(ExecutionEngine.TRANSLATOR, TranslationPolicy.EAGER);
        t.memory().load(img);
        t.launch(base, 0, base + 0x1000, base, base + 0x1000);
        assertThat(t.run(1_000_000)).isEqualTo(StopReason.TRAPPED);
        assertThat(t.order()).isEqualTo(3 * 1000 + 1);
        assertThat(t.csr(Csr.MCAUSE)).isEqualTo(11);
        assertThat(t.instret()).isEqualTo(3 * 1000);
    }

    @Test
    void switchingEnginesBetweenRunsKeepsTheState() {
        Hart a = translating(asm(LOOP)), ref = interpreting(asm(LOOP));
        for (int k = 0; k < 6; k++) {
            a.setEngine(k % 2 == 0 ? ExecutionEngine.TRANSLATOR : ExecutionEngine.INTERPRETER, TranslationPolicy.EAGER);
            a.run(7_777);
            ref.run(7_777);
            assertThat(state(a)).isEqualTo(state(ref));
        }
    }

    @Test
    void enginesAndPoliciesRejectBadInput() {
        assertThat(ExecutionEngine.parse(" Translator ")).isEqualTo(ExecutionEngine.TRANSLATOR);
        assertThatThrownBy(() -> ExecutionEngine.parse("jit")).hasMessageContaining("unknown execution engine 'jit'");
        assertThatThrownBy(() -> new TranslationPolicy(0, 0)).hasMessageContaining("hotness must be at least 1");
        assertThatThrownBy(() -> new TranslationPolicy(1, -1)).hasMessageContaining("warmup must not be negative");
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        assertThatThrownBy(() -> h.run(-1)).hasMessageContaining("maxSteps must not be negative");
    }

    @Test
    void recordsOfTranslatedCodeNameEveryRecordOnce() {
        // orders are consecutive across drains of a small log
        Hart t = translating(asm(LOOP));
        CommitLog log = new CommitLog(5);
        t.setCommitLog(log);
        long expected = 0;
        for (int round = 0; round < 2_000; round++) {
            t.run(17);
            for (int k = 0; k < log.size(); k++) {
                CommitRecord r = log.get(k);
                assertThat(r.order()).isEqualTo(expected++);
            }
            log.clear();
        }
        assertThat(t.order()).isEqualTo(expected);
    }
}
