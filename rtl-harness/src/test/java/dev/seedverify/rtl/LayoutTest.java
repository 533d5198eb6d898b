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

    /**
     * S1Glue's copies of s1model.h's enums (status codes, reset modes, result-block indices) are
     * the header's values, all of them and nothing else: every {@code S1_X = n} / {@code S1R_X = n}
     * of the header is S1Glue's {@code X} / {@code R_X} with the same value, and every int constant
     * of S1Glue is one of those.
     */
    @Test
    void everyEnumConstantOfTheCHeaderIsS1GluesConstantOfTheSameValueAndViceVersa() throws Exception {
        String header = new String(RtlModel.class.getResourceAsStream("/dev/seedverify/rtl/buildkit/cpp/s1model.h").readAllBytes());
        java.util.Map<String, Integer> fromHeader = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(S1R?)_([A-Z_]+)\\s*=\\s*(\\d+)").matcher(header);
        while (m.find()) fromHeader.put((m.group(1).equals("S1R") ? "R_" : "") + m.group(2), Integer.parseInt(m.group(3)));
        java.util.Map<String, Integer> fromGlue = new java.util.TreeMap<>();
        for (Field f : S1Glue.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && f.getType() == int.class) fromGlue.put(f.getName(), f.getInt(null));
        }
        assertThat(fromHeader).as("enum constants of s1model.h").hasSizeGreaterThan(30).containsEntry("R_COUNT", 18).containsEntry("MODE_COMMAND", 1);
        assertThat(fromGlue).isEqualTo(fromHeader);
    }
}
