package dev.seedverify.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README's hello device is real code: it compiles (it is {@link HelloDevice}), runs, and the README shows it verbatim. */
class HelloDeviceTest {

    @Test
    void helloDeviceSumsTheCopiedArrayOnTheGoldenDevice() {
        assertThat(HelloDevice.run("golden")).isEqualTo(10);
    }

    @Test
    void helloDeviceSumsTheCopiedArrayOnTheRtl() {
        assertThat(HelloDevice.run("rtl")).isEqualTo(10);
    }

    @Test
    void helloDeviceSumsTheCopiedArrayWithGoldenAndRtlInLockstep() {
        assertThat(HelloDevice.run("lockstep")).isEqualTo(10);
    }

    @Test
    void theReadmeShowsTheCompiledSnippet() throws IOException {
        Path source = Path.of("src/test/java/dev/seedverify/driver/HelloDevice.java");
        List<String> lines = Files.readAllLines(source);
        int from = indexOf(lines, "// README:begin") + 1, to = indexOf(lines, "// README:end");
        int indent = lines.get(from).indexOf(lines.get(from).trim());
        String snippet = lines.subList(from, to).stream()
                .filter(l -> !l.contains("return r.value();"))
                .map(l -> l.length() >= indent ? l.substring(indent) : l.trim())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("driver-stub/README.md shows HelloDevice's snippet (without its return line)").contains(snippet);
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().equals(marker)) return i;
        throw new AssertionError("no line " + marker);
    }
}
