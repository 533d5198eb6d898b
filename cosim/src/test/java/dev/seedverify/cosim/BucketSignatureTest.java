package dev.seedverify.cosim;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketSignatureTest {

    static CommitRecord record(int insn, boolean trap, int cause) {
        return new CommitRecord(5, 0x80000010, 0x80000014, insn, trap, cause, 0, 0, 0, null, false, 0, false, 0, List.of(), 0, null);
    }

    static int word(String asm) { return Assembler.assembleInstruction(asm, 0x80000010)[0]; }

    static Divergence divergence(int insn, boolean trap, int cause, String field) {
        return new Divergence(Divergence.Kind.MISMATCH, 5, "records differ", List.of(new FieldDifference(field, 1, 2)),
                record(insn, trap, cause), record(insn, trap, cause), List.of(), "golden", "dut", null);
    }

    @Test
    void anInstructionsOwnResultIsBucketedByMnemonicAndFieldWithoutIndices() {
        BucketSignature tile = BucketSignature.of(divergence(word("tquant.i8 m1, m2"), false, 0, "tile.row[2].word[1]"));
        assertThat(tile).isEqualTo(new BucketSignature("tquant.i8", "tile.row[].word[]", "-"));
        assertThat(tile.slug()).isEqualTo("tquant.i8.tile.row.word");
        assertThat(BucketSignature.of(divergence(word("sra a0, a1, a2"), false, 0, "rd_wdata")).toString()).isEqualTo("sra | rd_wdata | -");
    }

    @Test
    void aCsrInstructionIsBucketedByTheCsrItAccessedNotByWhichOfTheSixInstructionsDidIt() {
        BucketSignature viaCsrrs = BucketSignature.of(divergence(word("csrrs a0, mepc, zero"), false, 0, "rd_wdata"));
        BucketSignature viaCsrrw = BucketSignature.of(divergence(word("csrrw a0, mepc, a1"), false, 0, "rd_wdata"));
        assertThat(viaCsrrs).isEqualTo(viaCsrrw).isEqualTo(new BucketSignature("csr:mepc", "rd_wdata", "-"));
        assertThat(viaCsrrs.slug()).isEqualTo("csr-mepc.rd_wdata");
    }

    @Test
    void aCounterAliasIsBucketedAsItsMachineCounter() {
        assertThat(BucketSignature.of(divergence(word("csrrs a0, instret, zero"), false, 0, "rd_wdata")).unit()).isEqualTo("csr:minstret");
    }

    @Test
    void aWrongBranchOutcomeIsOneBucketWhetherItShowsAsNextPcOrAsAMisalignedTargetTrap() {
        BucketSignature nextPc = BucketSignature.of(divergence(word("bltu a0, a1, .+8"), false, 0, "pc_next"));
        BucketSignature trap = BucketSignature.of(divergence(word("bltu a0, a1, .+8"), true, 0, "trap"));
        assertThat(nextPc).isEqualTo(trap).isEqualTo(new BucketSignature("bltu", "next-pc", "-"));
    }

    @Test
    void aWrongTrapValueIsBucketedByTheTrapNotByTheInstructionThatTookIt() {
        BucketSignature sw = BucketSignature.of(divergence(word("sw a1, 1(a0)"), true, 6, "trap_tval"));
        BucketSignature sh = BucketSignature.of(divergence(word("sh a1, 1(a0)"), true, 6, "trap_tval"));
        assertThat(sw).isEqualTo(sh);
        assertThat(sw.toString()).isEqualTo("trap | trap_tval | STORE_MISALIGNED");
        assertThat(BucketSignature.parse(sw.toString())).isEqualTo(sw);
        assertThat(sw.slug()).isEqualTo("trap.trap_tval.store_misaligned");
    }

    @Test
    void aTrapOnOnlyOneSideIsBucketedByTheInstruction() {
        assertThat(BucketSignature.of(divergence(word("add a0, a1, a2"), true, 2, "trap"))).isEqualTo(new BucketSignature("add", "trap", "-"));
        assertThat(BucketSignature.of(divergence(0xFFFFFFFF, true, 2, "trap")).unit()).isEqualTo("illegal");
    }

    @Test
    void aDivergenceWithoutARecordIsBucketedByItsKind() {
        Divergence hang = new Divergence(Divergence.Kind.DUT_HANG, 9, "no instruction retired", List.of(), null, null, List.of(), "golden", "dut", null);
        assertThat(BucketSignature.of(hang)).isEqualTo(new BucketSignature("-", "DUT_HANG", "-"));
    }

    @Test
    void aDeviceEventIsBucketedByItsKind() {
        CommitRecord completion = new CommitRecord(3, 0, 0x80001000, 1, false, 1, 0, 0, 0, 0, false, 0, false, 0, List.of(), 0, null, true);
        Divergence d = new Divergence(Divergence.Kind.MISMATCH, 3, "records differ", List.of(new FieldDifference("event_w0", 0, 3)),
                completion, completion, List.of(), "golden", "dut", null);
        assertThat(BucketSignature.of(d)).isEqualTo(new BucketSignature("event:completion", "event_w0", "-"));
    }
}
