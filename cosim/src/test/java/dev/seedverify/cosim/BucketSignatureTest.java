package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketSignatureTest {

    static CommitRecord record(int insn, boolean trap, int cause) {
        return new CommitRecord(5, 0x80000010, 0x80000014, insn, trap, cause, 0, 0, 0, null, false, 0, false, 0, List.of(), 0, null);
    }

    static Divergence divergence(int insn, boolean trap, int cause, String field) {
        return new Divergence(Divergence.Kind.MISMATCH, 5, "records differ", List.of(new FieldDifference(field, 1, 2)),
                record(insn, trap, cause), record(insn, trap, cause), List.of(), "golden", "dut", null);
    }

    @Test
    void theSignatureIsMnemonicFirstFieldWithoutIndicesAndTrapCause() {
        BucketSignature tile = BucketSignature.of(divergence(0x0000200b | (1 << 7) | (2 << 15), false, 0, "tile.word[17]"));
        assertThat(tile).isEqualTo(new BucketSignature("tquant.i8", "tile.word[]", "-"));
        BucketSignature store = BucketSignature.of(divergence(0x00b52023, true, 6, "trap_tval"));
        assertThat(store.toString()).isEqualTo("sw | trap_tval | STORE_MISALIGNED");
        assertThat(BucketSignature.parse(store.toString())).isEqualTo(store);
        assertThat(BucketSignature.of(divergence(0xFFFFFFFF, true, 2, "trap_tval")).mnemonic()).isEqualTo("illegal");
        assertThat(store.slug()).isEqualTo("sw.trap_tval.store_misaligned");
        assertThat(tile.slug()).isEqualTo("tquant.i8.tile.word");
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
