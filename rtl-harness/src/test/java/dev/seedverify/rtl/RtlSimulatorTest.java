package dev.seedverify.rtl;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.Lockstep;
import dev.seedverify.cosim.LockstepResult;
import dev.seedverify.cosim.RecordComparator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real RTL through the binding: backdoor, commit records, halt, lockstep with the golden model. */
class RtlSimulatorTest {
    private static final int BASE = RtlSimulator.DRAM_BASE;

    @Test
    void builtInModelDescribesItself() {
        RtlModel m = RtlModel.builtIn();
        assertThat(m.library()).exists();
        assertThat(m.dramBytes()).isEqualTo(Memory.DEFAULT_BYTES);
        assertThat(m.info("top")).isEqualTo("s1_top");
        assertThat(m.info("build")).matches("[0-9a-f]{12}");
        assertThat(m.describe()).contains("build " + m.info("build")).doesNotContain(m.library().toString());
        assertThat(m.describe()).startsWith("RTL s1_top (Verilator ");
        assertThat(RtlModel.load(m.library())).isSameAs(m);
    }

    @Test
    void backdoorLoadThenReadBack() {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            byte[] data = new byte[1000];
            for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7 + 3);
            sim.writeDram(BASE + 0x1001, data);
            assertThat(sim.readDram(BASE + 0x1001, data.length)).isEqualTo(data);
            sim.writeWord(BASE + sim.dramBytes() - 4, 0xCAFEBABE);
            assertThat(sim.readWord(BASE + sim.dramBytes() - 4)).isEqualTo(0xCAFEBABE);
            assertThat(sim.readDram(BASE + 0x1000, 2)).containsExactly(0, 3);

            ElfImage image = TestSupport.smallProgram();
            sim.load(image);
            ElfImage.LoadSegment seg = image.segments().get(0);
            assertThat(sim.readDram(seg.address(), seg.fileSize())).isEqualTo(seg.data());
            // load() zeroes the rest of DRAM
            assertThat(sim.readDram(BASE + 0x1001, data.length)).containsOnly(0);
            assertThat(sim.readWord(BASE + sim.dramBytes() - 4)).isZero();
        }
    }

    @Test
    void smallProgramCommitRecords() {
        ElfImage image = TestSupport.smallProgram();
        Map<String, Integer> sym = image.symbols();
        int data = sym.get("data"), tohost = sym.get("tohost");
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(image);
            sim.resetBare();
            CommitLog log = new CommitLog(256);
            RunResult r = sim.run(100_000, 256, log);
            assertThat(r.status()).isEqualTo(RunResult.Status.HALTED);
            assertThat(r.tohostValue()).isEqualTo(1);
            assertThat(sim.tohostValue()).isEqualTo(1);
            assertThat(log.size()).isEqualTo(r.records());

            // every record: consecutive order, pc chain, insn = the word at pc
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.order(i)).isEqualTo(i);
                if (i > 0) assertThat(log.pc(i)).as("pc of record %d", i).isEqualTo(log.pcNext(i - 1));
                assertThat(log.insn(i)).as("insn of record %d", i).isEqualTo(word(image, log.pc(i)));
            }
            assertThat(log.pc(0)).isEqualTo(BASE);

            int add = find(log, "add a2, a0, a1");
            assertThat(log.rdAddr(add)).isEqualTo(12);
            assertThat(log.rdWdata(add)).isEqualTo(12);
            assertThat(log.memCount(add)).isZero();

            int sw = find(log, "sw a2, 0(t0)");
            assertThat(log.memCount(sw)).isEqualTo(1);
            assertThat(log.access(sw, 0, CommitLog.MEM_ADDR)).isEqualTo(data);
            assertThat(log.access(sw, 0, CommitLog.MEM_WMASK)).isEqualTo(0xF);
            assertThat(log.access(sw, 0, CommitLog.MEM_RMASK)).isZero();
            assertThat(log.access(sw, 0, CommitLog.MEM_WDATA)).isEqualTo(12);
            assertThat(log.rdAddr(sw)).isZero();

            int lw = find(log, "lw a3, 0(t0)");
            assertThat(log.rdAddr(lw)).isEqualTo(13);
            assertThat(log.rdWdata(lw)).isEqualTo(12);
            assertThat(log.access(lw, 0, CommitLog.MEM_RMASK)).isEqualTo(0xF);
            assertThat(log.access(lw, 0, CommitLog.MEM_RDATA)).isEqualTo(12);

            int sb = find(log, "sb a0, 5(t0)");                 // lane 1 of data+4
            assertThat(log.access(sb, 0, CommitLog.MEM_ADDR)).isEqualTo(data + 4);
            assertThat(log.access(sb, 0, CommitLog.MEM_WMASK)).isEqualTo(0b0010);
            assertThat(log.access(sb, 0, CommitLog.MEM_WDATA) & 0x0000FF00).isEqualTo(5 << 8);

            int lbu = find(log, "lbu a4, 5(t0)");
            assertThat(log.rdWdata(lbu)).isEqualTo(5);
            assertThat(log.access(lbu, 0, CommitLog.MEM_RMASK)).isEqualTo(0b0010);
            assertThat(log.access(lbu, 0, CommitLog.MEM_RDATA) & 0x0000FF00).isEqualTo(5 << 8);

            int lw2 = find(log, "lw a5, 4(t0)");                 // 0x55667788 with byte 1 = 5
            assertThat(log.rdWdata(lw2)).isEqualTo(0x55660588);

            int illegal = find(log, ".word 0xffffffff");        // illegal instruction trap
            assertThat(log.trap(illegal)).isTrue();
            assertThat(log.cause(illegal)).isEqualTo(2);
            assertThat(log.tval(illegal)).isEqualTo(0xffffffff);
            assertThat(log.rdAddr(illegal)).isZero();
            assertThat(log.memCount(illegal)).isZero();
            assertThat(log.pcNext(illegal)).isEqualTo(sym.get("handler"));

            int last = log.size() - 1;                           // the halting store
            assertThat(log.access(last, 0, CommitLog.MEM_ADDR)).isEqualTo(tohost);
            assertThat(log.access(last, 0, CommitLog.MEM_WDATA)).isEqualTo(1);
            assertThat(sim.readWord(tohost)).isEqualTo(1);

            // the architectural state through the public signals
            assertThat(sim.gpr(0)).isZero();
            assertThat(sim.gpr(12)).isEqualTo(12);
            assertThat(sim.gpr(14)).isEqualTo(5);
            assertThat(sim.cycles()).isEqualTo(r.totalCycles()).isGreaterThanOrEqualTo(log.size());
        }
    }

    /** Ends with a byte store to tohost, followed at once by younger stores (to tohost and to {@code far}). */
    private static final String HALT_THEN_YOUNGER_STORES = """
            _start:
                    la      t0, tohost
                    la      t2, far
                    li      t1, 5
                    li      t3, 0x7f
                    sb      t1, 1(t0)               # ends the run: tohost = 0x00000500
                    sw      t3, 0(t0)               # younger: in EX or MEM when the sb's record leaves WB
                    sw      t3, 0(t2)
            spin:   j       spin
                    .balign 64
            tohost: .word   0, 0
            far:    .word   0x11111111
            """;

    @Test
    void theTohostVerdictIsTheWordTheEndingStoreLeavesNotOneAYoungerStoreChanged() {
        // Spec §3: the verdict is the aligned word after the store that ends the run. The younger sw
        // has already written DRAM when the sb's record leaves WB; the verdict must not see it.
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(TestSupport.assemble("halt.S", HALT_THEN_YOUNGER_STORES));
            sim.resetBare();
            RunResult r = sim.run(10_000, 64, new CommitLog(64));
            assertThat(r.status()).isEqualTo(RunResult.Status.HALTED);
            assertThat(r.tohostValue()).isEqualTo(0x500);
            assertThat(sim.tohostValue()).isEqualTo(0x500);
        }
    }

    @Test
    void aStoreInFlightWhenTheRunEndsDoesNotWriteIntoTheNextLoadedImage() {
        // The harness loads DRAM through the backdoor, then resets: reset must squash the younger
        // stores still in the pipeline instead of letting them write into the new image.
        ElfImage first = TestSupport.assemble("halt.S", HALT_THEN_YOUNGER_STORES);
        ElfImage second = TestSupport.smallProgram();
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(first);
            sim.resetBare();
            assertThat(sim.run(10_000, 64, new CommitLog(64)).status()).isEqualTo(RunResult.Status.HALTED);
            sim.load(second);
            int tohost = first.symbol("tohost").getAsInt(); // then far: the two younger stores' words
            int[] loaded = {sim.readWord(tohost), sim.readWord(tohost + 8)};
            sim.resetBare();
            assertThat(new int[] {sim.readWord(tohost), sim.readWord(tohost + 8)}).isEqualTo(loaded);
            assertThat(sim.run(100_000, 256, new CommitLog(256)).tohostValue()).isEqualTo(1);
        }
    }

    @Test
    void smallProgramMatchesTheGoldenModelInLockstep() {
        ElfImage image = TestSupport.smallProgram();
        assertThat(lockstep(RtlModel.builtIn(), image, 64).passed()).isTrue();
    }

    @Test
    void longerLoopMatchesTheGoldenModelAcrossBatches() {
        // 4 x 3000 records: several lockstep batches of 1000 and several native batches of 4096
        LockstepResult r = lockstep(RtlModel.builtIn(), TestSupport.loopProgram(3000), 1000);
        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(r.records()).isGreaterThan(12_000);
    }

    static final String TILE_PROGRAM = """
            _start:
                    la      a0, src
                    li      a1, 32
                    tld     m0, (a0), a1
                    tld     m1, (a0), a1
                    tzero   m2
                    tmma.i8 m2, m0, m1
                    li      a2, 5
                    tget    a3, m2, a2
                    la      a4, dst
                    tst     m2, (a4), a1
                    tstn    m0, (a4), a1
                    li      t1, 1
                    la      t2, tohost
                    sw      t1, 0(t2)
            spin:   j       spin
                    .balign 64
            tohost: .word   0, 0
                    .balign 64
            src:    .fill   256, 1, 3
            dst:    .fill   256, 1, 0
            """;

    @Test
    void tileProgramRowAccessesAndTilesMatchTheGoldenModel() {
        ElfImage image = TestSupport.assemble("tile.S", TILE_PROGRAM);
        assertThat(lockstep(RtlModel.builtIn(), image, 8).passed()).isTrue();
        int src = image.symbols().get("src"), dst = image.symbols().get("dst");
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(image);
            sim.resetBare();
            CommitLog log = new CommitLog(64);
            assertThat(sim.run(100_000, 64, log).status()).isEqualTo(RunResult.Status.HALTED);
            int tld = 0;                                         // the first tld: the first record with 8 row accesses
            while (log.memCount(tld) != 8) tld++;
            assertThat(log.flags(tld) & CommitLog.FLAG_TILE_WRITE).isNotZero();
            assertThat(log.tileIndex(tld)).isZero();
            for (int r = 0; r < 8; r++) {
                assertThat(log.access(tld, r, CommitLog.MEM_ADDR)).isEqualTo(src + 32 * r);
                assertThat(log.access(tld, r, CommitLog.MEM_RMASK)).isEqualTo(-1);
                assertThat(log.access(tld, r, CommitLog.MEM_RDATA + 7)).isEqualTo(0x03030303);
            }
            for (int w = 0; w < CommitLog.TILE_INTS; w++) assertThat(log.tileWord(tld, w)).isEqualTo(0x03030303);
            int tget = find(log, "tget a3, m2, a2");
            assertThat(log.rdWdata(tget)).isEqualTo(32 * 9);   // sum over k of 3 * 3
            int tstn = find(log, "tstn m0, (a4), a1");
            assertThat(log.memCount(tstn)).isEqualTo(8);
            assertThat(log.access(tstn, 7, CommitLog.MEM_ADDR)).isEqualTo(dst + 32 * 7);
            assertThat(log.access(tstn, 7, CommitLog.MEM_WMASK)).isEqualTo(0xFF);
            assertThat(log.access(tstn, 7, CommitLog.MEM_WDATA + 2)).isZero();   // outside the 8-byte mask
        }
    }

    static LockstepResult lockstep(RtlModel model, ElfImage image, int batch) {
        GoldenBackend golden = new GoldenBackend(model.dramBytes());
        golden.loadBare(image);
        try (RtlBackend dut = new RtlBackend(model, "rtl")) {
            dut.loadBare(image);
            return new Lockstep(golden, dut, batch).run(1_000_000);
        }
    }

    @Test
    void runsInPiecesWithoutLosingRecords() {
        ElfImage image = TestSupport.loopProgram(200);
        CommitLog whole = new CommitLog(2000), pieces = new CommitLog(2000);
        try (RtlSimulator a = RtlSimulator.create(RtlModel.builtIn(), Memory.DEFAULT_BYTES, 7)) {
            a.load(image);
            a.resetBare();
            RunResult r;
            do {
                r = a.run(13, 5, pieces);   // tiny cycle and record budgets, batch of 7
            } while (r.status() == RunResult.Status.CYCLE_LIMIT || r.status() == RunResult.Status.RECORD_LIMIT);
            assertThat(r.status()).isEqualTo(RunResult.Status.HALTED);
        }
        try (RtlSimulator b = RtlSimulator.create(RtlModel.builtIn())) {
            b.load(image);
            b.resetBare();
            assertThat(b.run(1_000_000, 2000, whole).status()).isEqualTo(RunResult.Status.HALTED);
        }
        assertSameRecords(pieces, whole);
    }

    @Test
    void countingRunWithoutLogAgreesWithRecordingRun() {
        ElfImage image = TestSupport.loopProgram(100);
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(image);
            sim.resetBare();
            RunResult counted = sim.run(1_000_000, 1_000_000, null);
            sim.resetBare();
            CommitLog log = new CommitLog(1000);
            RunResult recorded = sim.run(1_000_000, 1000, log);
            assertThat(counted.status()).isEqualTo(RunResult.Status.HALTED);
            assertThat(recorded.status()).isEqualTo(RunResult.Status.HALTED);
            assertThat(counted.records()).isEqualTo(recorded.records()).isEqualTo(log.size());
            assertThat(counted.cycles()).isEqualTo(recorded.cycles());
        }
    }

    @Test
    void twoSimulatorsInOneJvmAreIndependent() {
        ElfImage p1 = TestSupport.loopProgram(50), p2 = TestSupport.smallProgram();
        try (RtlSimulator a = RtlSimulator.create(RtlModel.builtIn()); RtlSimulator b = RtlSimulator.create(RtlModel.builtIn())) {
            a.load(p1);
            b.load(p2);
            a.resetBare();
            b.resetBare();
            CommitLog la = new CommitLog(1000), lb = new CommitLog(1000);
            // interleave small steps of both
            RunResult ra = null, rb = null;
            for (int i = 0; i < 200 && (ra == null || rb == null); i++) {
                if (ra == null) {
                    RunResult r = a.run(10, 1000 - la.size(), la);
                    if (r.status() == RunResult.Status.HALTED) ra = r;
                }
                if (rb == null) {
                    RunResult r = b.run(10, 1000 - lb.size(), lb);
                    if (r.status() == RunResult.Status.HALTED) rb = r;
                }
            }
            assertThat(ra).isNotNull();
            assertThat(rb).isNotNull();
            assertSameRecords(la, reference(p1));
            assertSameRecords(lb, reference(p2));
            assertThat(a.readDram(BASE, 64)).isNotEqualTo(b.readDram(BASE, 64));
        }
    }

    @Test
    void simulatorsOnTwoThreadsRunInParallel() throws Exception {
        ElfImage image = TestSupport.loopProgram(500);
        CommitLog reference = reference(image);
        List<Thread> threads = new ArrayList<>();
        List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
                    sim.load(image);
                    sim.resetBare();
                    CommitLog log = new CommitLog(4000);
                    sim.run(1_000_000, 4000, log);
                    results.add(log);
                } catch (Throwable e) {
                    results.add(e);
                }
            }, "rtl-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertThat(results).hasSize(2);
        for (Object r : results) {
            if (r instanceof Throwable t) throw new AssertionError(t);
            assertSameRecords((CommitLog) r, reference);
        }
    }

    /** The records of {@code image} run alone on a fresh simulator. */
    private static CommitLog reference(ElfImage image) {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(image);
            sim.resetBare();
            CommitLog log = new CommitLog(4000);
            assertThat(sim.run(1_000_000, 4000, log).status()).isEqualTo(RunResult.Status.HALTED);
            return log;
        }
    }

    /** Same records, field by field (the lockstep comparator's notion of equality). */
    static void assertSameRecords(CommitLog actual, CommitLog expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(RecordComparator.differences(expected, i, actual, i)).as("record %d", i).isEmpty();
            assertThat(RecordComparator.equal(expected, i, actual, i)).isTrue();
        }
    }

    private static int word(ElfImage image, int address) {
        for (ElfImage.LoadSegment s : image.segments()) {
            long off = Integer.toUnsignedLong(address) - s.startAddress();
            if (off >= 0 && off + 4 <= s.memorySize()) {
                int o = (int) off;
                return (s.byteAt(o) & 0xFF) | (s.byteAt(o + 1) & 0xFF) << 8 | (s.byteAt(o + 2) & 0xFF) << 16 | s.byteAt(o + 3) << 24;
            }
        }
        throw new AssertionError("no word at " + Integer.toHexString(address));
    }

    /** The first record of the instruction {@code asm} (position-independent encodings only). */
    private static int find(CommitLog log, String asm) {
        int insn = Assembler.assembleInstruction(asm, BASE)[0];
        for (int i = 0; i < log.size(); i++) if (log.insn(i) == insn) return i;
        throw new AssertionError("no record of " + asm);
    }
}
