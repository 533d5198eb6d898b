package dev.seedverify.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Instruction;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each program FAILS when the golden model is deliberately wrong in the area it tests: a
 * {@link FaultInjectingTarget} corrupts the result of the instruction under test (or the trap
 * state, the tile, the flags...) and the program must report FAIL with the first sub-test that
 * checks it. At least one program per group.
 */
class FaultInjectionTest {

    static final ConformanceList LIST = ConformanceList.load();

    static Predicate<CommitRecord> retired(Instruction insn) {
        return r -> !r.trap() && Decoder.decode(r.insn()) == insn;
    }

    static Predicate<CommitRecord> trapped(Instruction insn) {
        return r -> r.trap() && r.insn() != 0 && Decoder.decode(r.insn()) == insn;
    }

    static Predicate<CommitRecord> trapWithCause(int cause) {
        return r -> r.trap() && r.cause() == cause;
    }

    static Predicate<CommitRecord> readsCsr(Csr csr) {
        return r -> !r.trap() && r.csrRead() && r.csrAddr() == csr.address() && r.rdAddr() != 0;
    }

    static final BiConsumer<Hart, CommitRecord> FLIP_RD = (h, r) -> {
        if (r.rdAddr() != 0) h.setX(r.rdAddr(), r.rdWdata() ^ 1);
    };

    static BiConsumer<Hart, CommitRecord> flipCsr(Csr csr) {
        return (h, r) -> h.setCsr(csr, h.csr(csr) ^ 1);
    }

    static final BiConsumer<Hart, CommitRecord> FLIP_TILE_WORD_0 = (h, r) ->
            h.tiles().setWord(r.tileIndex(), 0, h.tiles().word(r.tileIndex(), 0) ^ 1);

    /** Flips bit 0 of the lowest byte the first memory access of the record wrote. */
    static final BiConsumer<Hart, CommitRecord> FLIP_STORED_BYTE = (h, r) -> {
        CommitRecord.MemoryAccess m = r.memory().get(0);
        int off = m.addr() - Memory.BASE + Integer.numberOfTrailingZeros(m.wmask());
        h.memory().storeByte(off, h.memory().byteAt(off) ^ 1);
    };

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("rv32i/add_sub", "ADD result bit 0 flipped", retired(Instruction.ADD), FLIP_RD, 1),
                Arguments.of("rv32i/shift_imm", "SRAI result bit 0 flipped", retired(Instruction.SRAI), FLIP_RD, 21),
                Arguments.of("rv32i/store", "SB writes a wrong byte", retired(Instruction.SB), FLIP_STORED_BYTE, 1),
                Arguments.of("rv32i/load_half", "LHU result bit 0 flipped", retired(Instruction.LHU), FLIP_RD, 5),
                Arguments.of("rv32i/bltu_bgeu", "taken BGEU branches land one word too far",
                        retired(Instruction.BGEU).and(r -> r.pcNext() != r.pc() + 4), (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setPc(h.pc() + 4), 10),
                Arguments.of("rv32m/div", "DIV result bit 0 flipped", retired(Instruction.DIV), FLIP_RD, 1),
                Arguments.of("rv32m/mulh", "MULHSU result bit 0 flipped", retired(Instruction.MULHSU), FLIP_RD, 16),
                Arguments.of("zicsr/csrrw", "CSRRW returns a wrong old value", retired(Instruction.CSRRW), FLIP_RD, 1),
                // bit 0 flipped on every read cancels out in test 1's difference of 4; test 2's difference of 1 catches it
                Arguments.of("zicsr/minstret", "minstret reads have bit 0 flipped", readsCsr(Csr.MINSTRET), FLIP_RD, 2),
                Arguments.of("zicsr/mstatus", "mstatus reads back wrong", readsCsr(Csr.MSTATUS), FLIP_RD, 1),
                Arguments.of("traps/ecall", "wrong mcause after ecall", trapWithCause(11), flipCsr(Csr.MCAUSE), 1),
                Arguments.of("traps/load_misaligned", "wrong mtval after a misaligned load", trapWithCause(4), flipCsr(Csr.MTVAL), 1),
                Arguments.of("traps/fetch_access", "wrong mtval after a fetch fault", trapWithCause(1), flipCsr(Csr.MTVAL), 1),
                Arguments.of("traps/illegal", "wrong mtval after an illegal instruction", trapWithCause(2), flipCsr(Csr.MTVAL), 1),
                Arguments.of("machine/mret", "mret leaves MPIE clear", retired(Instruction.MRET),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setCsr(Csr.MSTATUS, h.csr(Csr.MSTATUS) & ~0x80), 2),
                Arguments.of("machine/fence_wfi", "wfi clobbers a0", retired(Instruction.WFI),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setX(10, 0), 7),
                Arguments.of("xseed/tmma_i8", "tmma.i8 result word 0 off by one", retired(Instruction.TMMA_I8), FLIP_TILE_WORD_0, 1),
                Arguments.of("xseed/tmma_e4m3", "tmma.e4m3 result word 0 off by one ulp", retired(Instruction.TMMA_E4M3), FLIP_TILE_WORD_0, 1),
                Arguments.of("xseed/tadd_f32", "tadd.f32 result word 0 off by one ulp", retired(Instruction.TADD_F32), FLIP_TILE_WORD_0, 1),
                Arguments.of("xseed/tile_aliasing", "tadd.i32 result word 0 wrong", retired(Instruction.TADD_I32), FLIP_TILE_WORD_0, 1),
                Arguments.of("xseed/tquant_i8", "tquant.i8 does not raise SAT", retired(Instruction.TQUANT_I8),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setCsr(Csr.XSSTAT, 0), 2),
                Arguments.of("xseed/tcvt_e4m3", "tcvt.e4m3 raises a spurious SAT", retired(Instruction.TCVT_E4M3),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setCsr(Csr.XSSTAT, h.csr(Csr.XSSTAT) | 1), 1),
                Arguments.of("xseed/tget_tput_tzero", "tzero leaves word 63 set", retired(Instruction.TZERO),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.tiles().setWord(r.tileIndex(), 63, 1), 5),
                Arguments.of("xseed/tst", "tst writes a wrong byte in row 0", retired(Instruction.TST), FLIP_STORED_BYTE, 1),
                Arguments.of("xseed/tld", "tld loads word 0 wrong", retired(Instruction.TLD), FLIP_TILE_WORD_0, 1),
                Arguments.of("xseed/tile_mem_faults", "a faulting tld changes the tile (not precise)", trapped(Instruction.TLD),
                        (BiConsumer<Hart, CommitRecord>) (h, r) -> h.tiles().setWord(1, 1, 0), 1),
                Arguments.of("xseed/xseed_csrs", "xsqshift writes are lost", (Predicate<CommitRecord>) r -> !r.trap() && r.csrWrite()
                        && r.csrAddr() == Csr.XSQSHIFT.address(), (BiConsumer<Hart, CommitRecord>) (h, r) -> h.setCsr(Csr.XSQSHIFT, 0), 19));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void theProgramFailsWhenTheModelIsWrongInItsArea(String program, String fault, Predicate<CommitRecord> when,
                                                     BiConsumer<Hart, CommitRecord> inject, int failingTest) {
        ConformanceProgram p = LIST.get(program);
        FaultInjectingTarget target = new FaultInjectingTarget(fault, when, inject);
        ProgramOutcome o = target.run(p);
        assertThat(target.injections()).as("the fault was injected").isPositive();
        assertThat(o.status()).as(o.toString()).isEqualTo(ProgramOutcome.Status.FAIL);
        assertThat(o.failedTest()).as(o.toString()).isEqualTo(failingTest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void withoutAFaultTheSteppedTargetPassesEveryProgram(String program) {
        FaultInjectingTarget target = new FaultInjectingTarget("none", r -> false, (h, r) -> { });
        assertThat(target.run(LIST.get(program)).verdict()).isEqualTo("PASS");
    }

    static Stream<String> programs() { return faults().map(a -> (String) a.get()[0]).distinct(); }
}
