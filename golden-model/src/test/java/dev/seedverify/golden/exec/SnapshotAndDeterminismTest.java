package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshot/restore (state and memory equal after restore; running again reproduces the same
 * records), records on vs off reach the same architectural state, and self-modifying code is
 * seen after fence.i.
 */
class SnapshotAndDeterminismTest {

    /** A program touching GPRs, memory, CSRs, counters, traps, tiles and Xseed flags. */
    static final String BUSY = """
            _start:
                la t0, handler
                csrw mtvec, t0
                la s0, buf
                li s1, 300
                li a0, 0x12345
            loop:
                mul a0, a0, a0
                addi a0, a0, 7
                sw a0, 0(s0)
                sb a0, 5(s0)
                lh a1, 4(s0)
                xor a2, a2, a1
                csrr a3, minstret
                csrw mscratch, a0
                tput m1, a0, s1
                tadd.f32 m2, m1, m2
                tmma.i8 m3, m1, m1
                tquant.i8 m4, m3
                tst m3, (s0), zero
                andi t1, s1, 15
                bnez t1, 1f
                ecall
            1:  addi s0, s0, 32
                addi s1, s1, -1
                bnez s1, loop
            spin: j spin
            handler:
                csrr t2, mepc
                addi t2, t2, 4
                csrw mepc, t2
                mret
                .align 5
            buf: .space 10000
            """;

    static ElfImage busy() { return Assembler.assemble(BUSY, "busy.S"); }

    /** Everything architectural, as one comparable list. */
    static List<Object> state(Hart h) {
        List<Object> s = new ArrayList<>();
        for (int i = 0; i < 32; i++) s.add(h.x(i));
        s.add(h.pc());
        for (Csr c : Csr.values()) if (!c.implementationDefined()) s.add(c + "=" + h.csr(c));
        s.add(h.instret());
        s.add(h.order());
        for (int t = 0; t < 8; t++) s.add(Arrays.toString(h.tiles().tile(t)));
        byte[] m = new byte[h.memory().size()];
        h.memory().read(0, m, 0, m.length);
        s.add(Arrays.hashCode(m));
        s.add(h.tohostValue());
        return s;
    }

    static List<CommitRecord> runRecording(Hart h, long steps) {
        CommitLog log = new CommitLog(256);
        h.setCommitLog(log);
        List<CommitRecord> out = new ArrayList<>();
        long done = 0;
        while (done < steps) {
            long before = h.order();
            h.run(steps - done);
            done += h.order() - before;
            for (int i = 0; i < log.size(); i++) out.add(log.get(i));
            log.clear();
        }
        h.setCommitLog(null);
        return out;
    }

    /** Every field of a record as text (records hold arrays, so record equality is identity). */
    static String key(CommitRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.order()).append(' ').append(r.pc()).append(' ').append(r.pcNext()).append(' ').append(r.insn())
                .append(' ').append(r.trap()).append(' ').append(r.cause()).append(' ').append(r.tval())
                .append(' ').append(r.rdAddr()).append(' ').append(r.rdWdata()).append(' ').append(r.csrAddr())
                .append(' ').append(r.csrRead()).append(' ').append(r.csrRdata()).append(' ').append(r.csrWrite())
                .append(' ').append(r.csrWdata()).append(' ').append(r.tileIndex());
        for (CommitRecord.MemoryAccess m : r.memory()) {
            b.append(" | ").append(Integer.toHexString(m.addr())).append('/').append(m.rmask()).append('/').append(m.wmask())
                    .append(Arrays.toString(m.rdata())).append(Arrays.toString(m.wdata()));
        }
        if (r.tile() != null) b.append(" | tile ").append(Arrays.toString(r.tile()));
        return b.toString();
    }

    private static void assertSameRecords(List<CommitRecord> a, List<CommitRecord> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) assertThat(key(b.get(i))).as("record %d", i).isEqualTo(key(a.get(i)));
    }

    @Test
    void restoreReturnsStateAndMemoryToTheSnapshot() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, busy());
        h.run(500);
        Hart.Snapshot snap = h.snapshot();
        List<Object> at = state(h);
        h.run(3000);
        assertThat(state(h)).isNotEqualTo(at);
        h.restore(snap);
        assertThat(state(h)).isEqualTo(at);
    }

    @Test
    void runningAgainAfterRestoreReproducesTheSameRecords() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, busy());
        h.run(250);
        Hart.Snapshot snap = h.snapshot();
        List<CommitRecord> first = runRecording(h, 2500);
        List<Object> end = state(h);
        h.restore(snap);
        List<CommitRecord> second = runRecording(h, 2500);
        assertSameRecords(first, second);
        assertThat(state(h)).isEqualTo(end);
        // and once more, restoring the same snapshot twice
        h.restore(snap);
        assertSameRecords(first, runRecording(h, 2500));
    }

    @Test
    void restoringAnOlderSnapshotAfterANewerOneWorks() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, busy());
        Hart.Snapshot s0 = h.snapshot();
        List<Object> at0 = state(h);
        h.run(700);
        Hart.Snapshot s1 = h.snapshot();
        List<Object> at1 = state(h);
        h.run(700);
        h.restore(s0);
        assertThat(state(h)).isEqualTo(at0);
        h.restore(s1);
        assertThat(state(h)).isEqualTo(at1);
        h.run(10);
        h.restore(s0);
        assertThat(state(h)).isEqualTo(at0);
    }

    @Test
    void restoreDiscardsCodeWrittenAfterTheSnapshot() {
        // The decode cache must not keep an instruction stored after the snapshot.
        ElfImage img = Assembler.assemble("""
                _start:
                    la t0, patch
                    li t1, 0x00500513        # addi a0, zero, 5
                    sw t1, 0(t0)
                    fence.i
                patch:
                    addi a0, zero, 1
                spin: j spin
                """, "patch.S");
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, img);
        h.run(4); // la, li (2 instructions each)
        Hart.Snapshot snap = h.snapshot();
        h.run(3); // sw, fence.i, patched addi
        assertThat(h.x(10)).isEqualTo(5);
        h.restore(snap);
        h.setPc(img.symbol("patch").getAsInt());
        h.run(1);
        assertThat(h.x(10)).isEqualTo(1);
    }

    @Test
    void recordsOnAndOffReachTheSameArchitecturalState() {
        Hart on = new Hart(new Memory(Memory.MIN_BYTES));
        Hart off = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(on, busy());
        BareMetal.load(off, busy());
        List<CommitRecord> records = runRecording(on, 6000);
        off.run(6000);
        assertThat(records).hasSize(6000);
        assertThat(state(off)).isEqualTo(state(on));
    }

    @Test
    void twoFreshRunsProduceIdenticalRecords() {
        Hart a = new Hart(new Memory(Memory.MIN_BYTES));
        Hart b = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(a, busy());
        BareMetal.load(b, busy());
        assertSameRecords(runRecording(a, 3000), runRecording(b, 3000));
    }

    @Test
    void selfModifyingCodeIsSeenAfterFenceI() {
        Sim s = Sim.run("""
                    li a0, 0
                    la t0, patch
                    li t1, 0x02a00513       # addi a0, zero, 42
                    sw t1, 0(t0)
                    fence.i
                patch:
                    addi a0, zero, 1
                """);
        assertThat(s.x("a0")).isEqualTo(42);
        assertThat(s.at("patch").insn()).isEqualTo(0x02a00513);
    }

    @Test
    void codeRewrittenInALoopIsSeenEachTimeAfterFenceI() {
        Sim s = Sim.run("""
                    li s0, 0
                    li s1, 4
                    la t0, patch
                    li t1, 0x00140413       # addi s0, s0, 1
                    li t2, 0x00a40413       # addi s0, s0, 10
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
                """);
        assertThat(s.x("s0")).isEqualTo(1 + 10 + 1 + 10);
    }

    @Test
    void codeWrittenByATileStoreIsSeenAfterFenceI() {
        Sim s = Sim.run("""
                    li a0, 0
                    li t1, 0x00700513       # addi a0, zero, 7
                    tput m0, t1, zero
                    li t2, 0x00000013       # nop
                    li t3, 1
                    tput m0, t2, t3
                    la t0, patch
                    li t4, 256              # rows 1..7 land past the end of the program
                    tstn m0, (t0), t4
                    fence.i
                patch:
                    nop
                    nop
                """);
        assertThat(s.x("a0")).isEqualTo(7);
    }
}
