package dev.seedverify.conformance.bucket;

import dev.seedverify.cosim.BucketSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTableTest {

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
