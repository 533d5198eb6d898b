package dev.seedverify.reports.model;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and from what a run came.
 *
 * @param gitSha     the checkout's commit (with {@code -dirty} when modified), or null
 * @param rtlBuildId the RTL model's build id, or null
 * @param tools      tool versions by name ({@code verilator}, {@code riscv64-unknown-elf-gcc}, {@code java})
 * @param seed       the run's seed (or seed range), or null
 * @param host       the machine (several, comma-separated, for merged shards)
 * @param other      anything else worth recording (CI job URL, tier)
 */
public record Environment(String gitSha, String rtlBuildId, Map<String, String> tools, String seed, String host, Map<String, String> other) {
    public Environment {
        tools = Checks.map(tools);
        other = Checks.map(other);
    }

    /** This JVM's host, with the JDK and OS recorded among the tools. */
    public static Environment ofThisHost(String gitSha, String rtlBuildId, Map<String, String> tools, String seed) {
        Map<String, String> t = new LinkedHashMap<>(tools == null ? Map.of() : tools);
        t.putIfAbsent("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        t.putIfAbsent("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return new Environment(gitSha, rtlBuildId, t, seed, hostName(), Map.of());
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "unknown" : h;
        }
    }

    public static Environment unknown() { return new Environment(null, null, Map.of(), null, null, Map.of()); }

    /** Every fact as name → value, in display order (nulls left out). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (gitSha != null) m.put("git SHA", gitSha);
        if (rtlBuildId != null) m.put("RTL build id", rtlBuildId);
        if (seed != null) m.put("seed", seed);
        if (host != null) m.put("host", host);
        tools.forEach(m::put);
        other.forEach(m::put);
        return m;
    }
}
