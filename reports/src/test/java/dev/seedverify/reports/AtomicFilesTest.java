package dev.seedverify.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @Test
    void aFolderIsReplacedWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        AtomicFiles.replaceDirectory(out, d -> Files.writeString(d.resolve("old.txt"), "old"));
        AtomicFiles.replaceDirectory(out, d -> Files.writeString(d.resolve("new.txt"), "new"));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new.txt");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void aFailedWriterLeavesTheOldFolderAndNoDebris(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        AtomicFiles.replaceDirectory(out, d -> Files.writeString(d.resolve("old.txt"), "old"));
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(out, d -> {
            Files.writeString(d.resolve("half.txt"), "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(out.resolve("old.txt")).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void aCopyIsCompleteOrAbsent(@TempDir Path dir) throws IOException {
        Path src = Files.write(dir.resolve("a.bin"), new byte[]{1, 2, 3});
        AtomicFiles.copy(src, dir.resolve("sub/b.bin"));
        assertThat(dir.resolve("sub/b.bin")).hasBinaryContent(new byte[]{1, 2, 3});
        assertThatThrownBy(() -> AtomicFiles.copy(dir.resolve("missing"), dir.resolve("sub/c.bin"))).isInstanceOf(IOException.class);
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("b.bin");
        }
    }
}
