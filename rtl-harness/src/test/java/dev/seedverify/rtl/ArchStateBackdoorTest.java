package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.DramDigest;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.cosim.ArchStateComparison;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.FinalStateCheck;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.Lockstep;
import dev.seedverify.cosim.LockstepResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RTL's architectural state through its backdoors (GPRs, pc, every CSR, tiles, a native DRAM
 * digest), the pipeline drain that puts it at an instruction boundary, and the end-of-program
 * comparison with the golden model built on them.
 */
class ArchStateBackdoorTest {
    private static final int BASE = RtlSimulator.DRAM_BASE;

    /** Touches GPRs, machine and Xseed CSRs (a WARL clamp, a trap), two tiles and memory, then halts with two instructions in flight. */
    static final String PROGRAM = """
            _start:
                    la      t0, handler
                    csrw    mtvec, t0
                    li      a0, 0x12345678
                    csrw    mscratch, a0
                    li      a1, 77
                    csrw    xsqmul, a1
                    li      a2, -40
                    csrw    xsqshift, a2            # reads -31
                    li      a3, 5
                    li      a4, 3
                    tput    m2, a3, a4              # m2 word 3 = 5
                    la      s0, buf
                    li      s1, 0x55AA
                    sw      s1, 8(s0)
                    tld     m4, (s0), zero          # every row of m4 = buf's first 32 bytes
                    .word   0xffffffff              # illegal: mepc, mcause, mtval
                    li      t1, 1
                    la      t2, tohost
                    sw      t1, 0(t2)               # halts
                    addi    a5, zero, 9             # in flight at the halt
                    addi    a6, zero, 10
            spin:   j       spin
            handler:
                    csrr    t3, mepc
                    addi    t3, t3, 4
                    csrw    mepc, t3
                    mret
                    .balign 64
            tohost: .word   0, 0
                    .balign 32
            buf:    .space  64
            """;

    static ElfImage program() { return TestSupport.assemble("arch-state.S", PROGRAM); }

    @Test
    void theNativeDramDigestIsTheGoldenModelsOnTheSameBytes() {
        Random random = new Random(13);
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            Memory golden = new Memory(sim.dramBytes());
            assertThat(sim.dramDigest()).isEqualTo(golden.digest()).isZero();
            byte[] chunk = new byte[4096];
            for (int k = 0; k < 40; k++) {
                random.nextBytes(chunk);
                int off = random.nextInt(sim.dramBytes() / 4096) * 4096;
                sim.writeDram(BASE + off, chunk);
                golden.write(off, chunk, 0, chunk.length);
            }
            // the last word of DRAM, on its own
            sim.writeWord(BASE + sim.dramBytes() - 4, 0xCAFEBABE);
            golden.storeWord(sim.dramBytes() - 4, 0xCAFEBABE);
            long digest = sim.dramDigest();
            assertThat(digest).isEqualTo(golden.digest()).isNotZero();

            byte[] all = sim.readDram(BASE, sim.dramBytes());
            assertThat(DramDigest.of(all, 0, all.length)).isEqualTo(digest);
            sim.writeDram(BASE + 12345, new byte[] {(byte) (all[12345] ^ 0x10)});
            assertThat(sim.dramDigest()).as("one flipped bit").isNotEqualTo(digest);
        }
    }

    @Test
    void drainCompletesTheInstructionsInFlightAndTheirRecordsComeOut() {
        ElfImage image = program();
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.loadBare(image);
            CommitLog log = new CommitLog(1000);
            assertThat(sim.run(100_000, 1000, log).status()).isEqualTo(RunResult.Status.HALTED);
            int halt = log.size() - 1;
            assertThat(sim.gpr(15)).as("a5 not yet written").isZero();

            CommitLog tail = new CommitLog(64);
            int n = sim.drain(tail);
            assertThat(n).isEqualTo(tail.size()).isBetween(2, 4);
            assertThat(tail.order(0)).isEqualTo(log.order(halt) + 1);
            assertThat(tail.pc(0)).isEqualTo(log.pcNext(halt));
            assertThat(tail.rdAddr(0)).isEqualTo(15);
            assertThat(tail.rdAddr(1)).isEqualTo(16);
            assertThat(sim.gpr(15)).isEqualTo(9);
            assertThat(sim.gpr(16)).isEqualTo(10);
            assertThat(sim.pc()).as("the next instruction's pc").isEqualTo(tail.pcNext(n - 1));
            assertThat(sim.drain(tail)).as("nothing left in flight").isZero();
        }
    }

    @Test
    void theStateAtTheEndOfAProgramIsTheGoldenModels() {
        ElfImage image = program();
        GoldenBackend reference = new GoldenBackend(RtlModel.builtIn().dramBytes());
        reference.loadBare(image);
        Hart golden = reference.hart();
        try (RtlBackend dut = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            dut.loadBare(image);
            LockstepResult halted = new Lockstep(reference, dut, 64).run(100_000);
            assertThat(halted.passed()).as("%s", halted).isTrue();
            assertThat(FinalStateCheck.afterHalt(reference, dut, halted)).isSameAs(halted);

            // what was compared is the real state, not defaults
            RtlSimulator sim = dut.simulator();
            ArchState rtl = sim.archState();
            assertThat(ArchStateComparison.differences(ArchState.of(golden), rtl)).isEmpty();
            assertThat(rtl.gpr(15)).isEqualTo(9);
            assertThat(rtl.pc()).isEqualTo(image.symbols().get("spin"));
            assertThat(rtl.csr(Csr.MSCRATCH)).isEqualTo(0x12345678);
            assertThat(rtl.csr(Csr.XSQMUL)).isEqualTo(77);
            assertThat(rtl.csr(Csr.XSQSHIFT)).isEqualTo(-31);
            assertThat(rtl.csr(Csr.MCAUSE)).isEqualTo(2);
            assertThat(rtl.csr(Csr.MTVAL)).isEqualTo(0xffffffff);
            assertThat(rtl.csr(Csr.MISA)).isEqualTo(Csr.MISA_VALUE);
            assertThat(rtl.csr(Csr.MINSTRET)).isEqualTo((int) golden.instret()).isPositive();
            assertThat(rtl.tileWord(2, 3)).isEqualTo(5);
            assertThat(rtl.tileWord(4, 2)).isEqualTo(0x55AA);
            assertThat(rtl.tileWord(4, 8 * 7 + 2)).as("row 7 of m4").isEqualTo(0x55AA);
            assertThat(rtl.dramDigest()).isEqualTo(golden.memory().digest());
        }
    }

    @Test
    void aDramWriteThatNoRecordShowsIsAFinalStateDivergence() {
        ElfImage image = program();
        GoldenBackend reference = new GoldenBackend(RtlModel.builtIn().dramBytes());
        reference.loadBare(image);
        Hart golden = reference.hart();
        try (RtlBackend dut = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            dut.loadBare(image);
            LockstepResult halted = new Lockstep(reference, dut, 64).run(100_000);
            assertThat(halted.passed()).isTrue();
            int buf = image.symbols().get("buf");
            dut.simulator().writeWord(buf + 40, 1);     // behind the records' back

            LockstepResult r = FinalStateCheck.afterHalt(reference, dut, halted);
            assertThat(r.diverged()).isTrue();
            Divergence d = r.divergence();
            assertThat(d.kind()).isEqualTo(Divergence.Kind.FINAL_STATE);
            assertThat(d.differences()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("dram_digest"));
            assertThat(d.message()).contains("dram_digest");
            assertThat(d.history()).isNotEmpty();
        }
    }

    @Test
    void aModelWithoutTheStateBackdoorsSaysWhichOneIsMissing() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.NORMAL)) {
            assertThat(sim.drain(new CommitLog(8))).as("the test top is always drained").isZero();
            assertThatThrownBy(() -> sim.csr(Csr.MSTATUS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no public CSR view");
            assertThatThrownBy(() -> sim.tile(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no public tile registers");
            assertThatThrownBy(sim::archState).isInstanceOf(IllegalArgumentException.class);
        }
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            assertThatThrownBy(() -> sim.tile(8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tile index 8");
        }
    }

    /** The CSR view is sampled while draining: reading it before a drain, or after running on, is refused. */
    @Test
    void csrsAreReadAtAnInstructionBoundaryOnly() {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.loadBare(program());
            assertThatThrownBy(() -> sim.csr(Csr.MISA)).isInstanceOf(IllegalStateException.class).hasMessageContaining("drain() first");
            sim.drain(new CommitLog(8));
            assertThat(sim.csr(Csr.MISA)).as("right after reset").isEqualTo(Csr.MISA_VALUE);
            assertThat(sim.csr(Csr.MSTATUS)).isEqualTo(Csr.MSTATUS_MPP);
            sim.run(100_000, 10, new CommitLog(10));
            assertThatThrownBy(sim::archState).isInstanceOf(IllegalStateException.class).hasMessageContaining("drain() first");
        }
    }
}
