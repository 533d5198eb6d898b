package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The encodings spec §1 and §2.2 make illegal are rejected by the decoder (and the encoder). */
class IllegalEncodingTest {

    private static final int XSEED = 0b0001011;

    private static int r(int funct7, int rs2, int rs1, int funct3, int rd, int opcode) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    private static void assertIllegal(int word, String why) {
        assertThat(Decoder.decode(word)).as("%08x (%s) decodes as", word, why).isNull();
        assertThat(Decoder.whyIllegal(word)).as("%08x has a reason", word).isNotNull();
        assertThat(ReferenceDecoder.decode(word)).as("%08x (%s) in the reference decoder", word, why).isNull();
        assertThat(Disassembler.disassemble(word, 0)).isEqualTo(String.format(".word\t0x%08x", word));
    }

    private static void assertLegal(int word, Instruction expected) {
        assertThat(Decoder.decode(word)).as("%08x", word).isEqualTo(expected);
        assertThat(ReferenceDecoder.decode(word)).as("%08x in the reference decoder", word).isEqualTo(expected.mnemonic());
    }

    @Test
    void tzeroWithNonZeroRs1OrRs2IsIllegal() {
        for (int v = 1; v < 32; v++) {
            assertIllegal(r(0, 0, v, 1, 3, XSEED), "tzero rs1=" + v);
            assertIllegal(r(0, v, 0, 1, 3, XSEED), "tzero rs2=" + v);
        }
        assertLegal(r(0, 0, 0, 1, 3, XSEED), Instruction.TZERO);
    }

    @Test
    void unaryTileOpsWithNonZeroRs2AreIllegal() {
        for (Instruction insn : List.of(Instruction.TRELU_I32, Instruction.TQUANT_I8, Instruction.TCVT_E4M3)) {
            int legal = Encoder.encode(insn, 1, 2);
            assertLegal(legal, insn);
            for (int v = 1; v < 32; v++) assertIllegal(legal | v << 20, insn + " rs2=" + v);
        }
    }

    @Test
    void everyUndefinedFunct3Funct7CombinationOfCustom0IsIllegal() {
        Set<Integer> defined = Set.of(0 << 7 | 0, 0 << 7 | 1, 0 << 7 | 2, 1 << 7 | 0, 1 << 7 | 1, 1 << 7 | 2, 1 << 7 | 3,
                1 << 7 | 4, 1 << 7 | 5, 1 << 7 | 6, 2 << 7 | 0, 2 << 7 | 1, 3 << 7 | 0, 3 << 7 | 1);
        int undefined = 0;
        for (int funct3 = 0; funct3 < 8; funct3++) {
            for (int funct7 = 0; funct7 < 128; funct7++) {
                if (defined.contains(funct3 << 7 | funct7)) continue;
                undefined++;
                for (int[] f : new int[][] {{0, 0, 0}, {1, 2, 3}, {7, 7, 7}, {31, 31, 31}}) {
                    assertIllegal(r(funct7, f[2], f[1], funct3, f[0], XSEED), "custom-0 funct3=" + funct3 + " funct7=" + funct7);
                }
            }
        }
        assertThat(undefined).isEqualTo(8 * 128 - 14);
    }

    @Test
    void tileIndexOfAtLeastEightIsIllegalInEveryTileOperandPosition() {
        int positions = 0;
        for (Instruction insn : Instruction.all()) {
            List<Operand> ops = insn.operands();
            for (int t = 0; t < ops.size(); t++) {
                if (ops.get(t).kind() != OperandKind.TILE) continue;
                positions++;
                int[] values = new int[ops.size()];
                for (int i = 0; i < values.length; i++) values[i] = ops.get(i).kind() == OperandKind.TILE ? 1 : 5;
                assertLegal(Encoder.encode(insn, values), insn);
                for (int bad = Tiles.COUNT; bad < 32; bad++) {
                    int idx = t;
                    int[] v = values.clone();
                    v[idx] = bad;
                    int word = insn.match();
                    for (int i = 0; i < v.length; i++) word |= ops.get(i).field().place(v[i]);
                    assertIllegal(word, insn + " " + ops.get(idx).name() + "=" + bad);
                    assertThatThrownBy(() -> Encoder.encode(insn, v)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
        // tld tst tstn tzero: 1; five binary ops: 3; three unary: 2; tget, tput: 1.
        assertThat(positions).isEqualTo(4 + 5 * 3 + 3 * 2 + 2);
    }

    @Test
    void everyUnknownCsrNumberIsIllegal() {
        int known = 0;
        for (int csr = 0; csr < 4096; csr++) {
            Csr c = Csr.byAddress(csr);
            assertThat(c != null).as("CSR 0x%03x in the table vs the spec", csr).isEqualTo(ReferenceDecoder.CSRS.containsKey(csr));
            for (Instruction insn : List.of(Instruction.CSRRS, Instruction.CSRRC, Instruction.CSRRSI, Instruction.CSRRCI,
                    Instruction.CSRRW, Instruction.CSRRWI)) {
                int read = insn.match() | csr << 20 | Gpr.A0 << 7; // rs1/zimm = 0
                if (c == null) {
                    assertIllegal(read, insn + " to unknown CSR");
                    assertIllegal(read | 5 << 15, insn + " to unknown CSR");
                } else if (!c.readOnly() || insn == Instruction.CSRRS || insn == Instruction.CSRRC
                        || insn == Instruction.CSRRSI || insn == Instruction.CSRRCI) {
                    assertLegal(read, insn);
                }
            }
            if (c != null) known++;
        }
        assertThat(known).isEqualTo(Csr.values().length).isEqualTo(29);
    }

    @Test
    void writesToReadOnlyCsrsAreIllegalWhileReadsAreLegal() {
        List<Csr> readOnly = new ArrayList<>();
        for (Csr c : Csr.values()) {
            if (c.readOnly()) readOnly.add(c);
            assertThat(c.readOnly()).as(c.mnemonic()).isEqualTo(ReferenceDecoder.CSRS.get(c.address()));
        }
        assertThat(readOnly).extracting(Csr::mnemonic).containsExactlyInAnyOrder(
                "misa", "cycle", "cycleh", "instret", "instreth", "mvendorid", "marchid", "mimpid", "mhartid");
        for (Csr c : readOnly) {
            int a = c.address();
            for (int rd : new int[] {0, 10}) {
                for (int src = 0; src < 32; src++) {
                    int x = a << 20 | src << 15 | rd << 7;
                    assertIllegal(Instruction.CSRRW.match() | x, "csrrw " + c.mnemonic());
                    assertIllegal(Instruction.CSRRWI.match() | x, "csrrwi " + c.mnemonic());
                    for (Instruction setClear : List.of(Instruction.CSRRS, Instruction.CSRRC, Instruction.CSRRSI, Instruction.CSRRCI)) {
                        if (src == 0) assertLegal(setClear.match() | x, setClear);
                        else assertIllegal(setClear.match() | x, setClear + " " + c.mnemonic() + " source " + src);
                    }
                }
            }
            assertThatThrownBy(() -> Encoder.encode(Instruction.CSRRW, 0, a, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> Encoder.encode(Instruction.CSRRSI, 10, a, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Decoder.whyIllegal(Instruction.CSRRW.match() | a << 20))
                    .isEqualTo("csrrw: write to read-only CSR " + c.mnemonic());
        }
    }

    @Test
    void shiftImmediatesWithBit25OrAnyOtherFunct7BitSetAreIllegal() {
        for (Instruction insn : List.of(Instruction.SLLI, Instruction.SRLI, Instruction.SRAI)) {
            int legal = Encoder.encode(insn, 10, 11, 31);
            assertLegal(legal, insn);
            for (int bit = 25; bit < 32; bit++) {
                int w = legal ^ 1 << bit;
                if (insn == Instruction.SRLI && bit == 30) {
                    assertLegal(w, Instruction.SRAI);
                } else if (insn == Instruction.SRAI && bit == 30) {
                    assertLegal(w, Instruction.SRLI);
                } else {
                    assertIllegal(w, insn + " bit " + bit);
                }
            }
        }
    }

    @Test
    void miscMemWordsWithFunct3OtherThanFenceAndFenceIAreIllegal() {
        // Spec §1 (v1.2): funct3 000 is fence and 001 fence.i whatever the other fields
        // (FenceUnusedFieldsTest); every other funct3 is illegal, whatever the other fields.
        for (int funct3 = 2; funct3 < 8; funct3++) {
            for (int rest : new int[] {0, 0x0FF00000, 0x83300000, 0xFFFFFF80 & ~0x7000, 0x00050080}) {
                assertIllegal(rest | funct3 << 12 | 0x0F, "misc-mem funct3 " + funct3);
            }
        }
    }

    @Test
    void fullyFixedInstructionsWithAnyNonOpcodeBitFlippedAreIllegal() {
        List<Instruction> fixed = Instruction.all().stream().filter(i -> i.format() == Format.NONE).toList();
        assertThat(fixed).extracting(Instruction::mnemonic).containsExactlyInAnyOrder("ecall", "ebreak", "mret", "wfi");
        for (Instruction insn : fixed) {
            assertLegal(insn.match(), insn);
            // Bits 31:7 (with bits 6:0 flipped it is another opcode: 0x00000063 is beq zero,zero,.).
            for (int bit = 7; bit < 32; bit++) {
                int w = insn.match() ^ 1 << bit;
                Instruction other = Decoder.decode(w);
                // ecall and ebreak differ in bit 20.
                if (insn == Instruction.ECALL && bit == 20) assertLegal(w, Instruction.EBREAK);
                else if (insn == Instruction.EBREAK && bit == 20) assertLegal(w, Instruction.ECALL);
                else assertThat(other).as("%s with bit %d flipped: %08x", insn, bit, w).isNull();
                assertThat(ReferenceDecoder.decode(w)).isEqualTo(other == null ? null : other.mnemonic());
            }
        }
    }

    @Test
    void theAllZerosAndAllOnesWordsAreIllegal() {
        assertIllegal(0x00000000, "all zeros");
        assertIllegal(0xFFFFFFFF, "all ones");
    }

    @Test
    void compressedAndLongerEncodingsAreIllegal() {
        // No C extension: bits 1:0 != 11 are illegal; 48/64-bit prefixes (bits 4:2 = 111) too.
        for (int low = 0; low < 3; low++) assertIllegal(0x00000010 | low, "16-bit encoding");
        assertIllegal(0x0000001F, "48-bit prefix");
        assertIllegal(0x0000003F, "64-bit prefix");
    }

    @Test
    void undefinedFunct3OfBranchLoadStoreJalrAndSystemAreIllegal() {
        for (int f3 : new int[] {2, 3}) assertIllegal(0x63 | f3 << 12, "branch funct3 " + f3);
        for (int f3 : new int[] {3, 6, 7}) assertIllegal(0x03 | f3 << 12, "load funct3 " + f3);
        for (int f3 = 3; f3 < 8; f3++) assertIllegal(0x23 | f3 << 12, "store funct3 " + f3);
        for (int f3 = 1; f3 < 8; f3++) assertIllegal(0x67 | f3 << 12, "jalr funct3 " + f3);
        assertIllegal(0x73 | 4 << 12 | 0x300 << 20, "system funct3 4");
        assertIllegal(0x10200073, "sret (no S-mode)");
        assertIllegal(0x00200073, "uret");
    }
}
