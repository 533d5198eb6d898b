package dev.seedverify.conformance.bucket;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.SmallestReproducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTableTest {

    @Test
    void aThousandFailuresOfOneBugAreOneBucketWithACountAndItsSmallestReproducer() {
        BucketTable t = new BucketTable();
        BucketSignature bug = new BucketSignature("sra", "rd_wdata", "-");
        for (long seed = 0; seed < 1000; seed++) t.add(bug, seed);
        t.add(new BucketSignature("div", "rd_wdata", "-"), 7L);
        t.addExample(bug, new BucketTable.Example(3, 60, 4, 6, "repro/a.S", "# a\n"));
        t.addExample(bug, new BucketTable.Example(11, 40, 1, 1, "repro/b.S", "# b\n"));
        assertThat(t.buckets()).hasSize(2);
        BucketTable.Entry b = t.buckets().get(0);
        assertThat(b.signature()).isEqualTo(bug);
        assertThat(b.count()).isEqualTo(1000);
        assertThat(b.smallest().reproducer()).isEqualTo("repro/b.S");
        assertThat(t.text()).contains("1001 divergences in 2 buckets", "sra | rd_wdata | -", "1000", "1 insns", "repro/b.S (seed 11)",
                "(not shrunk; first seed 7)");
        List<Bucket> model = t.toModel();
        assertThat(model).extracting(Bucket::signature).containsExactly("sra | rd_wdata | -", "div | rd_wdata | -");
        assertThat(model.get(0).count()).isEqualTo(1000);
        assertThat(model.get(0).seeds()).hasSize(Bucket.MAX_SEEDS).startsWith(0L, 1L);
        assertThat(model.get(0).smallest()).isEqualTo(new SmallestReproducer("seed 11", 11L, 1, "repro/b.S", "# b\n"));
        assertThat(model.get(1).smallest()).isNull();
    }

    @Test
    void aDirectedProgramsDivergenceIsCountedWithoutASeed() {
        BucketTable t = new BucketTable();
        t.add(new BucketSignature("mulh", "rd_wdata", "-"), null);
        t.add(new BucketSignature("mulh", "rd_wdata", "-"), null);
        assertThat(t.toModel()).singleElement().satisfies(b -> {
            assertThat(b.count()).isEqualTo(2);
            assertThat(b.seeds()).isEmpty();
        });
        assertThat(t.text()).contains("(not shrunk)");
    }
}
