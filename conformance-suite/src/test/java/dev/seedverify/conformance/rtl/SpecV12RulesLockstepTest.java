package dev.seedverify.conformance.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.rtl.RtlModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The four readings spec v1.2 makes explicit (issue 15), each as directed programs named after its
 * rule. Every program runs on the golden model alone and on golden and RTL in lockstep: both must
 * agree on every commit record and end with the expected tohost word. The self-checking programs
 * end with 1 (pass) or {@code (test << 1) | 1}; the tohost programs end with the word the rule
 * makes the verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecV12RulesLockstepTest {

    private static final long BUDGET = 200_000;
    private static final int MISC_MEM = 0b0001111;

    /** Self-checking frame: {@code gp} is the sub-test; {@code fail} reports it, {@code pass} writes 1. */
    private static final String FRAME = """
            _start:
                li      gp, 1
                la      t0, %s
                csrw    mtvec, t0
            %s
                j       pass
            handler:                        # an expected illegal instruction: cause 2, mtval = s3
                csrr    t0, mcause
                li      t1, 2
                bne     t0, t1, fail
                csrr    t0, mtval
                bne     t0, s3, fail
                addi    s11, s11, 1
                csrr    t0, mepc
                addi    t0, t0, 4
                csrw    mepc, t0
                mret
            pass:
                li      t0, 1
                la      t1, tohost
                sw      t0, 0(t1)
            1:  j       1b
            fail:
                slli    t0, gp, 1
                ori     t0, t0, 1
                la      t1, tohost
                sw      t0, 0(t1)
            2:  j       2b
                .data
                .align  3
            tohost: .word   0, 0
                .space  512
            """;

    private LockstepTarget target;

    @BeforeAll
    void openSimulator() {
        target = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), BUDGET);
    }

    @AfterAll
    void closeSimulator() {
        if (target != null) target.close();
    }

    /**
     * Runs {@code source} on the golden model alone and in lockstep with the RTL; both must end with
     * tohost = {@code expectedTohost}, agreeing on every record.
     */
    private void runsOnGoldenAndInLockstepEndingWith(String name, String source, int expectedTohost) {
        ElfImage image = Assembler.assemble(source, name + ".S");
        BareMetal.Result golden = BareMetal.run(image, Memory.DEFAULT_BYTES, BUDGET);
        assertThat(golden.verdict()).as("%s on the golden model alone", name).isNotEqualTo(BareMetal.Verdict.TIMEOUT);
        assertThat(golden.tohostValue()).as("%s: golden tohost (test %d failed?)", name, golden.failedTest())
                .isEqualTo(expectedTohost);
        ProgramOutcome lockstep = target.run(name, image);
        assertThat(lockstep.status())
                .as(() -> target.lastReport() != null ? target.lastReport().text() : lockstep.verdict() + " " + lockstep.detail())
                .isEqualTo(expectedTohost == 1 ? ProgramOutcome.Status.PASS : ProgramOutcome.Status.FAIL);
        assertThat(lockstep.tohost()).as("%s: tohost in lockstep", name).isEqualTo(expectedTohost);
        assertThat(lockstep.instret()).as("%s: retired", name).isEqualTo(golden.instret());
    }

    private void passesOnGoldenAndInLockstep(String name, String handler, String body) {
        runsOnGoldenAndInLockstepEndingWith(name, String.format(FRAME, handler, body), 1);
    }

    // ------------------------------------------------------------------ rule 1: fences (spec §1)

    /** Sentinels in every register the fences' rd/rs1 fields may name, checked after the fences. */
    private static String withSentinels(String fences, int retired) {
        StringBuilder b = new StringBuilder();
        int[] regs = sentinelRegisters();
        for (int r : regs) b.append(String.format("    li      %s, %d%n", Gpr.name(r), 0x1000 + r));
        b.append("    csrr    s11, minstret\n");
        b.append(fences);
        b.append("    csrr    s10, minstret\n");
        b.append("    sub     s10, s10, s11\n");
        b.append(String.format("    li      t0, %d%n    bne     s10, t0, fail%n", retired + 1));
        for (int r : regs) {
            b.append(String.format("    li      t0, %d%n    bne     %s, t0, fail%n", 0x1000 + r, Gpr.name(r)));
        }
        return b.toString();
    }

    /** ra, sp, tp, s0..s9, a0..a7, t3..t6 (gp, t0..t2, s10, s11 belong to the frame). */
    private static int[] sentinelRegisters() {
        return java.util.stream.IntStream.rangeClosed(1, 31)
                .filter(r -> r != 3 && r != 5 && r != 6 && r != 7 && r != 26 && r != 27).toArray();
    }

    @Test
    void everyMiscMemWordWithFunct3ZeroOrOneExecutesAsAFenceWhateverItsUnusedFields() {
        // Reserved fm values, empty and odd sets, fence.tso's fm with other sets, rs1/rd naming every
        // register, fence.i with any imm: each retires, changes no register, counts in minstret.
        int[] edges = {
            0x1FF0000F, 0xF000000F, 0x8F20000F, 0x0030000F, 0x0300000F, 0x0000000F, // fm 0001, fm 1111, TSO fm, empty sets
            0x8330000F, 0x0FF0000F, 0x0FF0050F, 0x0FF2800F, 0xFFFF8F8F,             // fence.tso, fence, rd, rs1, all ones
            0x0000100F, 0x0000150F, 0x0002900F, 0xFFF0100F, 0xFFFF9F8F,             // fence.i: plain, rd, rs1, imm, all ones
        };
        SplittableRandom rnd = new SplittableRandom(15);
        StringBuilder fences = new StringBuilder();
        for (int w : edges) fences.append(String.format("    .word   0x%08x%n", w));
        int random = 240;
        for (int i = 0; i < random; i++) {
            int w = rnd.nextInt() & ~0x707F | (i & 1) << 12 | MISC_MEM;
            fences.append(String.format("    .word   0x%08x%n", w));
        }
        passesOnGoldenAndInLockstep("fence-unused-fields", "fail", withSentinels(fences.toString(), edges.length + random));
    }

    @Test
    void fenceIWithUnusedFieldsSetStillMakesAnEarlierStoreToCodeVisible() {
        passesOnGoldenAndInLockstep("fence-i-unused-fields", "fail", """
                    li      a0, 0
                    la      t0, patch
                    li      t1, 0x02a00513          # addi a0, zero, 42
                    sw      t1, 0(t0)
                    .word   0xfff5150f              # fence.i with imm = 0xfff, rs1 = rd = a0
                patch:
                    addi    a0, zero, 1
                    li      t0, 42
                    bne     a0, t0, fail
                """);
    }

    @Test
    void miscMemWordsWithAnyOtherFunct3AreIllegalInstructions() {
        StringBuilder b = new StringBuilder("    li      s11, 0\n");
        int count = 0;
        for (int funct3 = 2; funct3 < 8; funct3++) {
            for (int rest : new int[] {0, 0x8FF5008F & ~0x707F, 0xFFFFFF80 & ~0x7000}) {
                int w = rest | funct3 << 12 | MISC_MEM;
                b.append(String.format("    li      s3, 0x%08x%n    .word   0x%08x%n", w, w));
                count++;
            }
        }
        b.append(String.format("    li      t0, %d%n    bne     s11, t0, fail%n", count));
        passesOnGoldenAndInLockstep("misc-mem-illegal", "handler", b.toString());
    }

    // ------------------------------------------------------------------ rule 2: minstret writes (spec §1.1)

    @Test
    void aCsrInstructionThatWritesMinstretOrMinstrethIsNotCountedTheWriteReplacesItsIncrement() {
        passesOnGoldenAndInLockstep("minstret-writes", "fail", """
                    li      gp, 1                   # a minstret write: the next instruction reads the value written
                    li      a1, 1000
                    csrw    minstret, a1
                    csrr    a0, minstret
                    li      t0, 1000
                    bne     a0, t0, fail
                    li      gp, 2                   # a minstreth write is not counted either
                    li      a1, 2000
                    csrw    minstret, a1
                    csrw    minstreth, zero
                    csrr    a0, minstret
                    li      t0, 2000
                    bne     a0, t0, fail
                    li      gp, 3                   # a write that leaves the value unchanged still replaces the increment
                    li      a2, 1
                    li      a1, 0x100
                    csrw    minstret, a1
                    csrrc   a0, minstret, a2
                    csrr    a3, minstret
                    li      t0, 0x100
                    bne     a3, t0, fail
                    li      gp, 4                   # the immediate forms with a non-zero zimm write: not counted
                    csrrwi  a0, minstret, 5
                    csrrsi  a0, minstret, 8         # reads 5, writes 13
                    csrrci  a0, minstret, 1         # reads 13, writes 12
                    csrr    a3, minstret
                    li      t0, 12
                    bne     a3, t0, fail
                    li      gp, 5                   # minstreth written under a full low half: no carry from the write
                    li      a2, 7
                    li      a1, -1
                    csrw    minstret, a1            # the next instruction sees 0x0_ffffffff
                    csrw    minstreth, a2           # not counted: 0x7_ffffffff
                    nop                             # counted: 0x8_00000000
                    csrr    a0, minstreth
                    csrr    a3, minstret
                    li      t0, 8
                    bne     a0, t0, fail
                    li      t0, 1
                    bne     a3, t0, fail
                    li      gp, 6                   # csrrs/csrrsi with a zero source write nothing: counted
                    li      a1, 0x200
                    csrw    minstret, a1
                    csrrs   a0, minstret, zero
                    csrrsi  a4, minstret, 0
                    csrr    a3, minstret
                    li      t0, 0x202
                    bne     a3, t0, fail
                    csrw    minstreth, zero
                """);
    }

    // ------------------------------------------------------------------ rule 3: xsstat writes (spec §2.3)

    @Test
    void aCsrWriteReplacesXsstatBits1To0WhileInstructionsOnlySetThem() {
        passesOnGoldenAndInLockstep("xsstat-writes", "fail", """
                    li      gp, 1                   # software sets SAT with no instruction having raised it
                    csrwi   xsstat, 1
                    csrr    a0, xsstat
                    li      t0, 1
                    bne     a0, t0, fail
                    li      gp, 2                   # an instruction raising NV adds it to the written SAT
                    tzero   m1
                    li      a1, 0x7fc00000
                    tput    m1, a1, zero
                    tadd.f32 m2, m1, m1
                    csrr    a0, xsstat
                    li      t0, 3
                    bne     a0, t0, fail
                    li      gp, 3                   # a write replaces both bits: 10 clears SAT, keeps NV; other bits read 0
                    li      a1, 0xfffffffe
                    csrw    xsstat, a1
                    csrr    a0, xsstat
                    li      t0, 2
                    bne     a0, t0, fail
                    li      gp, 4                   # an instruction that raises nothing keeps what software wrote
                    tzero   m3
                    tadd.i32 m3, m3, m3
                    csrr    a0, xsstat
                    li      t0, 2
                    bne     a0, t0, fail
                    li      gp, 5                   # csrrs/csrrc are writes too: set SAT, clear NV
                    li      a1, 1
                    csrrs   zero, xsstat, a1
                    li      a1, 2
                    csrrc   a0, xsstat, a1
                    csrr    a0, xsstat
                    li      t0, 1
                    bne     a0, t0, fail
                    csrw    xsstat, zero
                """);
    }

    // ------------------------------------------------------------------ rule 4: tohost (spec §3)

    /** A program that stores to tohost with {@code stores} (t0 = &tohost) and would fail if the run did not end. */
    private static String tohostProgram(String initialTohost, String stores) {
        return """
                _start:
                    la      t0, tohost
                %s
                    li      t1, 0x7f                # not ended: fail with test 63
                    sw      t1, 0(t0)
                1:  j       1b
                    .data
                    .align  5
                    .space  128                     # rows stored before tohost land here, never in code
                tohost: .word   %s, 0
                    .space  512
                """.formatted(stores, initialTohost);
    }

    @Test
    void aByteStoreToTohostEndsTheRunWithTheAlignedWordAsVerdict() {
        runsOnGoldenAndInLockstepEndingWith("tohost-sb-pass", tohostProgram("0", "    li t1, 1\n    sb t1, 0(t0)"), 1);
        runsOnGoldenAndInLockstepEndingWith("tohost-sb-byte1", tohostProgram("0", "    li t1, 5\n    sb t1, 1(t0)"), 0x500);
        runsOnGoldenAndInLockstepEndingWith("tohost-sb-byte3", tohostProgram("0", "    li t1, 0x81\n    sb t1, 3(t0)"), 0x81000000);
    }

    @Test
    void aHalfwordStoreToTohostEndsTheRunWithTheAlignedWordAsVerdict() {
        runsOnGoldenAndInLockstepEndingWith("tohost-sh-pass", tohostProgram("0", "    li t1, 1\n    sh t1, 0(t0)"), 1);
        runsOnGoldenAndInLockstepEndingWith("tohost-sh-upper", tohostProgram("0", "    li t1, 3\n    sh t1, 2(t0)"), 0x30000);
    }

    @Test
    void aTileRowStoreToTohostEndsTheRunWithTheAlignedWordAsVerdict() {
        // tst: row 0 at tohost - 12, so its word 3 is tohost (7: test 3 failed).
        runsOnGoldenAndInLockstepEndingWith("tohost-tst", tohostProgram("0", """
                    li      t1, 7
                    li      t2, 3
                    tput    m1, t1, t2
                    addi    t3, t0, -12
                    li      t4, 32
                    tst     m1, (t3), t4
                """), 7);
        // tstn: row 3 lands at tohost - 4, so its bytes 4..7 (word 1) are tohost.
        runsOnGoldenAndInLockstepEndingWith("tohost-tstn", tohostProgram("0", """
                    li      t1, 1
                    li      t2, 25
                    tput    m1, t1, t2
                    addi    t3, t0, -100
                    li      t4, 32
                    tstn    m1, (t3), t4
                """), 1);
    }

    @Test
    void aStoreThatLeavesTheTohostWordZeroDoesNotEndTheRun() {
        runsOnGoldenAndInLockstepEndingWith("tohost-zero-stores", tohostProgram("0", """
                    sb      zero, 1(t0)
                    sh      zero, 2(t0)
                    li      t4, 32
                    addi    t3, t0, -12
                    tst     m0, (t3), t4            # tile m0 is all zero
                    sw      zero, 0(t0)
                    li      t1, 1
                    sw      t1, 4(t0)               # the word after tohost: not tohost
                    sb      t1, 0(t0)
                """), 1);
    }

    @Test
    void aStoreOfZeroBytesEndsTheRunWhenTheRestOfTheTohostWordIsNonZero() {
        // The verdict is the aligned word after the store, whichever bytes the store wrote.
        runsOnGoldenAndInLockstepEndingWith("tohost-rest-non-zero", tohostProgram("0x100", "    sb zero, 0(t0)"), 0x100);
    }
}
