package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.gen.CommitLayoutHeader;
import dev.seedverify.rtl.jni.S1Glue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The native record layout comes from CommitLog, not from hand-copied numbers. */
class LayoutTest {
    @Test
    void headerDefinesEveryCommitLogConstant() throws IllegalAccessException {
        String h = CommitLayoutHeader.render();
        int n = 0;
        for (Field f : CommitLog.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertThat(h).contains("#define S1_CL_" + f.getName() + " " + f.getInt(null) + "\n");
                n++;
            }
        }
        assertThat(n).isGreaterThan(25);
        assertThat(h).contains("#define S1_DRAM_BASE 0x80000000u");
    }

    @Test
    void buildKitIsOnTheClasspath() {
        for (String f : RtlModel.KIT_FILES) {
            assertThat(RtlModel.class.getResource("/dev/seedverify/rtl/buildkit/" + f)).as(f).isNotNull();
        }
    }

    @Test
    void resultBlockIndicesMatchTheCHeader() throws Exception {
        String header = new String(RtlModel.class.getResourceAsStream("/dev/seedverify/rtl/buildkit/cpp/s1model.h").readAllBytes());
        assertThat(header).contains("S1R_COUNT = " + S1Glue.R_COUNT);
        assertThat(header).contains("S1R_FIRST_TILE = " + S1Glue.R_FIRST_TILE + ",");
        assertThat(header).contains("S1_HANG = " + S1Glue.HANG + ",");
        assertThat(header).contains("S1_PROTOCOL = " + S1Glue.PROTOCOL + ",");
    }
}
