package dev.seedverify.golden.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Each kind of assembly error, reported with source name, line number, line text and a precise message. */
class AssemblerErrorTest {

    private static AssemblyException error(String source) {
        AssemblyException e = catchThrowableOfType(() -> Assembler.assemble(source, "prog.S"), AssemblyException.class);
        assertThat(e).as("assembling should fail:\n" + source).isNotNull();
        assertThat(e.sourceName()).isEqualTo("prog.S");
        return e;
    }

    private static void assertError(String source, int line, String reason) {
        AssemblyException e = error(source);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.lineText()).isEqualTo(source.split("\n", -1)[line - 1]);
        assertThat(e.getMessage()).startsWith("prog.S: line " + line + ": " + reason + "\n    " + e.lineText().strip());
    }

    @Test
    void branchOutOfRangeNamesTheOffsetTheTargetAndTheRange() {
        String src = "nop\nnop\nnop\nnop\nnop\nnop\nbne a0, a1, loop\n.space 4996\nloop: nop";
        assertError(src, 7, "bne: offset 5000 to 'loop' out of range [-4096, 4094]");
        assertThatCode(() -> Assembler.assemble("bne a0, a1, loop\n.space 4090\nloop:", "ok.S")).doesNotThrowAnyException();
        assertError("loop: .space 4098\nbeqz a0, loop", 2, "beqz: offset -4098 to 'loop' out of range [-4096, 4094]");
    }

    @Test
    void jumpOutOfRangeNamesTheOffsetAndTheRange() {
        assertError("j far\n.space 0x100000\nfar:", 1, "j: offset 1048580 to 'far' out of range [-1048576, 1048574]");
    }

    @Test
    void misalignedTargetIsReported() {
        assertError(".byte 0\nodd: .byte 0, 0, 0\nbeq a0, a1, odd", 3, "beq: offset -3 to 'odd' is not a multiple of 2");
    }

    @Test
    void unknownRegister() {
        assertError("add a0, a1, x32", 1, "add: unknown register 'x32'");
        assertError("lw a0, 0(q7)", 1, "lw: unknown register 'q7'");
    }

    @Test
    void tileIndexMustBeBelowEight() {
        assertError("nop\ntmma.i8 m2, m9, m1", 2, "tmma.i8: tile m9: tile index must be < 8");
        assertError("tzero m8", 1, "tzero: tile m8: tile index must be < 8");
        assertError("tget a0, m31, a1", 1, "tget: tile m31: tile index must be < 8");
    }

    @Test
    void registerOfTheWrongKind() {
        assertError("tzero a0", 1, "tzero: expected a tile register m0..m7, got integer register 'a0'");
        assertError("tget m1, m1, a0", 1, "tget: expected an integer register, got tile register 'm1'");
        assertError("addi a0, a1, a2", 1, "addi: expected immediate, got register 'a2'");
    }

    @Test
    void writeToAReadOnlyCsr() {
        assertError("csrw misa, a0", 1, "csrw: misa is read-only");
        assertError("csrrs a0, cycle, a1", 1, "csrrs: cycle is read-only");
        assertError("csrsi mhartid, 1", 1, "csrsi: mhartid is read-only");
        assertError("csrrw zero, instret, zero", 1, "csrrw: instret is read-only");
        assertThatCode(() -> Assembler.assemble("csrr a0, misa\ncsrrs a0, cycle, zero\ncsrrci a0, mhartid, 0", "ok.S"))
                .as("reads of read-only CSRs").doesNotThrowAnyException();
    }

    @Test
    void unknownCsr() {
        assertError("csrr a0, sstatus", 1, "csrr: unknown CSR 'sstatus'");
        assertError("csrr a0, 0x7c8", 1, "csrr: CSR 0x7c8 does not exist on the S1");
        assertError("csrr a0, 4096", 1, "csrr: CSR number 4096 out of range [0, 4095]");
    }

    @Test
    void undefinedSymbol() {
        assertError("nop\nj foo", 2, "undefined symbol 'foo'");
        assertError(".word bar + 4", 1, "undefined symbol 'bar'");
        assertError("la a0, nowhere", 1, "undefined symbol 'nowhere'");
    }

    @Test
    void duplicateLabel() {
        assertError("x: nop\nnop\nx: nop", 3, "duplicate label 'x' (first defined on line 1)");
        assertError(".equ y, 1\ny: nop", 2, "duplicate label 'y' (defined by .equ/.set on line 1)");
    }

    @Test
    void immediateOutOfRange() {
        assertError("addi a0, a0, 2048", 1, "addi: immediate 2048 out of range [-2048, 2047]");
        assertError("sw a0, -2049(sp)", 1, "sw: immediate -2049 out of range [-2048, 2047]");
        assertError("slli a0, a0, 32", 1, "slli: shift amount 32 out of range [0, 31]");
        assertError("lui a0, 0x100000", 1, "lui: immediate 1048576 out of range [0, 1048575]");
        assertError("csrwi mscratch, 32", 1, "csrwi: immediate 32 out of range [0, 31]");
    }

    @Test
    void liValueMustFitIn32Bits() {
        assertError("li a0, 0x100000000", 1, "li: value 0x100000000 = 4294967296 does not fit in 32 bits");
    }

    @Test
    void dataValueMustFitItsWidth() {
        assertError(".byte 256", 1, ".byte: value 256 does not fit in 1 byte");
        assertError(".half -32769", 1, ".half: value -32769 does not fit in 2 bytes");
    }

    @Test
    void unknownInstructionAndDirective() {
        assertError("frobnicate a0", 1, "unknown instruction 'frobnicate'");
        assertError(".frob 1", 1, "unknown directive '.frob'");
    }

    @Test
    void wrongNumberOfOperands() {
        assertError("add a0, a1", 1, "add: expected 'add rd, rs1, rs2' or 'add rd, rs1, imm', got 2 operand(s)");
        assertError("unimp a0", 1, "unimp takes no operands");
        assertError("li a0", 1, "li: expected 'li rd, value', got 1 operand(s)");
    }

    @Test
    void memoryOperandNeedsABaseRegister() {
        assertError("lw a0, 4", 1, "lw: expected imm(rs1), got '4'");
        assertError("tld m1, 4(a0), a1", 1, "tld: expected (rs1) without offset, got '4(a0)'");
    }

    @Test
    void sizesMustBeKnownWhereTheyAreUsed() {
        assertError(".space N\n.equ N, 4", 1, ".space: 'N' must be a constant known where it is used (undefined symbol 'N' yet)");
    }

    @Test
    void malformedExpressionsAndLiterals() {
        assertError(".word (1 + 2", 1, "missing ')' in '(1 + 2'");
        assertError(".word 0x", 1, "bad number '0x'");
        assertError(".word 1 / 0", 1, "division by zero in '1 / 0'");
        assertError(".ascii abc", 1, "expected a string literal \"...\", got 'abc'");
        assertError("lw a0, %foo(x)(a1)", 1, "unknown operator %foo (known: %hi, %lo, %pcrel_hi, %pcrel_lo)");
    }

    @Test
    void localLabelWithoutDefinition() {
        assertError("j 1b", 1, "local label '1b': no label 1: before this line");
        assertError("1: nop\nj 1f", 2, "local label '1f': no label 1: after this line");
    }

    @Test
    void equivCannotBeRedefinedAndSymbolsCannotBeCircular() {
        assertError(".equiv A, 1\n.equiv A, 2", 2, ".equiv: symbol 'A' is already defined (line 1)");
        assertError(".equ A, B\n.equ B, A\n.word A", 1, "symbol 'A' is defined in terms of itself");
        assertThat(error(".equ A, B\n.equ B, A\n.word A").diagnostics()).hasSize(3);
    }

    @Test
    void fenceSetsAreSubsetsOfIorw() {
        assertError("fence rw, x", 1, "fence: bad fence set 'x' (a subset of iorw, in that order, or 0)");
        assertError("fence wr, r", 1, "fence: bad fence set 'wr' (a subset of iorw, in that order, or 0)");
    }

    @Test
    void aFenceUnusedFieldIsANumberWithinItsField() {
        assertError("fence rw, rw, 16, 0, 0", 1, "fence: unused field fm 16 out of range [0, 15]");
        assertError("fence.i 4096, 0, 0", 1, "fence.i: unused field imm 4096 out of range [0, 4095]");
        assertError("fence.i 0, a0, 0", 1, "fence.i: expected unused field rs1 (a number), got register 'a0'");
        assertError("fence rw, rw, 8", 1, "fence: expected 'fence pred, succ, fm, rs1, rd' or 'fence' or 'fence pred, succ', got 3 operand(s)");
    }

    @Test
    void everyErrorIsReportedInLineOrder() {
        AssemblyException e = error("""
                addi a0, a0, 5000
                nop
                frob
                j nowhere
                tzero m8
                """);
        assertThat(e.diagnostics()).extracting(AssemblyException.Diagnostic::line).containsExactly(1, 3, 4, 5);
        assertThat(e.getMessage()).contains("(3 more errors)")
                .contains("prog.S: line 3: unknown instruction 'frob'")
                .contains("prog.S: line 5: tzero: tile m8: tile index must be < 8");
    }

    @Test
    void assembleInstructionAndReassembleReportErrorsToo() {
        AssemblyException e = catchThrowableOfType(() -> Assembler.assembleInstruction("add a0, a0, x32", 0), AssemblyException.class);
        assertThat(e.sourceName()).isEqualTo("<instruction>");
        assertThat(e.reason()).isEqualTo("add: unknown register 'x32'");
    }
}
