package dev.seedverify.cli.campaign;

import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.Shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What a run records about where it ran: the git commit, the RTL's identity, tool versions, the seed. */
final class EnvironmentProbe {
    private EnvironmentProbe() {}

    static Environment probe(CampaignConfig c, Shard shard) {
        Path base = c.baseDir();
        String sha = command(base, "git", "rev-parse", "HEAD");
        String dirty = sha == null ? null : command(base, "git", "status", "--porcelain", "--untracked-files=no");
        if (dirty != null && !dirty.isEmpty()) sha = sha + "-dirty";
        Map<String, String> tools = new LinkedHashMap<>();
        String verilator = command(base, "verilator", "--version");
        if (verilator != null) tools.put("verilator", verilator);
        Map<String, String> other = new LinkedHashMap<>();
        other.put("targets", String.join(", ", c.targets()));
        other.put("weights", c.options().weights());
        other.put("configuration", c.source());
        if (shard != null) other.put("shard", shard.toString());
        Environment e = Environment.ofThisHost(sha, rtlId(base.resolve("rtl-harness/src/main/rtl")), tools, "first seed " + c.options().seed());
        return new Environment(e.gitSha(), e.rtlBuildId(), e.tools(), e.seed(), e.host(), other);
    }

    /** {@code rtl-<12 hex>}: SHA-256 over the RTL sources' names and bytes, or null when they are not there. */
    static String rtlId(Path rtl) {
        if (!Files.isDirectory(rtl)) return null;
        try (Stream<Path> s = Files.walk(rtl)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path f : s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(sv|svh|v|vh)$")).sorted().toList()) {
                d.update(rtl.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                d.update(Files.readAllBytes(f));
            }
            return "rtl-" + HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static String command(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
