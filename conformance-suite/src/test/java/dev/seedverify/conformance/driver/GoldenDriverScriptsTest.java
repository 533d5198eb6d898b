package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The correct driver agrees with the model on every generated script of a fixed seed range (golden device). */
class GoldenDriverScriptsTest {
    static final int SEEDS = 400;

    @Test
    void theCorrectDriverPassesEveryGeneratedScriptOnTheGoldenDevice() {
        List<String> failures = new ArrayList<>();
        try (Backend b = Backends.open(Backends.GOLDEN, Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(b)) {
            for (long seed = 1; seed <= SEEDS && failures.size() < 3; seed++) {
                DriverScript s = ActionGenerator.script(seed, 40);
                ScriptRunner.Report r = runner.run(s, null);
                if (!r.passed()) failures.add("seed " + seed + ":\n" + r.text());
            }
        }
        assertThat(failures).isEmpty();
    }
}
