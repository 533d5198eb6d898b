package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kept driver reproducers (src/test/resources/regressions/driver): each passes with the
 * correct driver on golden and in lockstep, and one found with an injected bug ({@code # bug:})
 * still fails with that bug, within at most six actions.
 */
class DriverRegressionsTest {
    static final Path FOLDER = Path.of("src", "test", "resources", "regressions", "driver");

    @TestFactory
    Stream<DynamicTest> everyKeptScriptPassesWithTheCorrectDriverAndStillCatchesItsBug() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(FOLDER)) {
            scripts = s.filter(p -> p.toString().endsWith(".script")).sorted().toList();
        }
        assertThat(scripts).as("kept driver reproducers").isNotEmpty();
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            DriverScript script = DriverScript.read(p);
            try (Backend golden = Backends.open(Backends.GOLDEN, Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(golden)) {
                assertThat(runner.run(script, null).text()).as("correct driver on golden").doesNotContain("FAILED");
                if (script.foundWith() != null) {
                    assertThat(script.actions()).hasSizeLessThanOrEqualTo(6);
                    assertThat(runner.run(script, script.foundWith()).passed()).as("still fails with " + script.foundWith().id()).isFalse();
                }
            }
            try (Backend lockstep = Backends.open("lockstep", Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(lockstep)) {
                assertThat(runner.run(script, null).text()).as("correct driver in lockstep").doesNotContain("FAILED");
            }
        }));
    }
}
