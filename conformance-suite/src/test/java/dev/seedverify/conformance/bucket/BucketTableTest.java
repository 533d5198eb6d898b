package dev.seedverify.conformance.bucket;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.lockstep.Divergence;
import dev.seedverify.golden.lockstep.FieldDifference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTableTest {

    static CommitRecord record(int insn, boolean trap, int cause) {
        return new CommitRecord(5, 0x80000010, 0x80000014, insn, trap, cause, 0, 0, 0, null, false, 0, false, 0, List.of(), 0, null);
    }

    static Divergence divergence(int insn, boolean trap, int cause, String field) {
        return new Divergence(Divergence.Kind.MISMATCH, 5, "records differ", List.of(new FieldDifference(field, 1, 2)),
                record(insn, trap, cause), record(insn, trap, cause), List.of(), null);
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
        Divergence hang = new Divergence(Divergence.Kind.DUT_HANG, 9, "no instruction retired", List.of(), null, null, List.of(), null);
        assertThat(BucketSignature.of(hang)).isEqualTo(new BucketSignature("-", "DUT_HANG", "-"));
    }

    @Test
    void aThousandFailuresOfOneBugAreOneBucketWithACountAndItsSmallestReproducer() {
        BucketTable t = new BucketTable();
        BucketSignature bug = new BucketSignature("sra", "rd_wdata", "-");
        for (long seed = 0; seed < 1000; seed++) t.add(bug, seed);
        t.add(new BucketSignature("div", "rd_wdata", "-"), 7);
        t.addExample(bug, new BucketTable.Example(3, 60, 4, 6, "repro/a.S"));
        t.addExample(bug, new BucketTable.Example(11, 40, 1, 1, "repro/b.S"));
        assertThat(t.buckets()).hasSize(2);
        BucketTable.Bucket b = t.buckets().get(0);
        assertThat(b.signature()).isEqualTo(bug);
        assertThat(b.count()).isEqualTo(1000);
        assertThat(b.smallest().reproducer()).isEqualTo("repro/b.S");
        assertThat(t.text()).contains("1001 divergences in 2 buckets", "sra | rd_wdata | -", "1000", "1 insns", "repro/b.S (seed 11)",
                "(not shrunk; first seed 7)");
        assertThat(t.json()).contains("\"count\": 1000", "\"reproducer\": \"repro/b.S\"");
    }
}
