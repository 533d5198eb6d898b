package dev.seedverify.conformance.device;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.FieldDifference;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device reproducer file: the bare-mode reproducer's format (conformance-suite
 * {@code repro.Reproducer}: versioned header of {@code # key: value} lines, the divergence in
 * comments, {@code # end-of-header}) around a {@link HostScript} instead of a program, kernels'
 * assembly included. Reading it back checks the script's SHA-256, so a replay runs exactly the
 * actions that failed. {@code ci/replay.sh FILE --target NAME} replays it ({@code Replay}).
 */
public final class DeviceReproducer {
    public static final int VERSION = 1;
    public static final String MAGIC = "# seedverify-device-repro v";
    public static final String END = "# end-of-header";
    /** The file name suffix in the regression folder. */
    public static final String SUFFIX = ".script";
    private static final Pattern KEY = Pattern.compile("^# ([a-z][a-z0-9-]*): (.*)$");

    private final String name;
    private final Map<String, String> header;
    private final String text;
    private final HostScript script;

    private DeviceReproducer(String name, Map<String, String> header, String text, HostScript script) {
        this.name = name;
        this.header = header;
        this.text = text;
        this.script = script;
    }

    /** What the suite knows when it writes one. */
    public record Details(long seed, String target, String targetDescription, int dramBytes, int originalCommands, int shrunkCommands,
                          int shrunkInstructions) {}

    /** The reproducer of {@code c} (usually shrunk), which diverges as {@code d} says. */
    public static DeviceReproducer of(DeviceCase c, Divergence d, Details x) {
        HostScript script = c.script();
        BucketSignature bucket = BucketSignature.of(d);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("seed", Long.toString(x.seed()));
        h.put("target", x.target());
        h.put("target-description", x.targetDescription().replace('\n', ' '));
        h.put("dram-bytes", Integer.toString(x.dramBytes()));
        h.put("bucket", bucket.toString());
        h.put("divergence-kind", d.kind().name());
        h.put("divergence-order", Long.toString(d.order()));
        h.put("divergence-fields", fieldList(d));
        h.put("original-commands", Integer.toString(x.originalCommands()));
        h.put("shrunk-commands", Integer.toString(x.shrunkCommands()));
        h.put("shrunk-instructions", Integer.toString(x.shrunkInstructions()));
        h.put("shrunk-actions", Integer.toString(script.size()));
        h.put("script-sha256", sha256(script.text()));
        StringBuilder s = new StringBuilder();
        s.append(MAGIC).append(VERSION).append('\n');
        s.append("# Host actions on which the golden model and ").append(x.target())
                .append(" diverged (device of spec §4), shrunk to the commands and instructions that cause it.\n");
        s.append("# Replay: ci/replay.sh <this file> --target ").append(x.target())
                .append("   (FAIL while the bug is there, PASS once golden and the target agree)\n#\n");
        for (Map.Entry<String, String> e : h.entrySet()) s.append("# ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        s.append("#\n");
        s.append("# divergence: ").append(d.kind()).append(" at order ").append(d.order()).append(":\n");
        for (String line : d.message().split("\n")) s.append("#   ").append(line).append('\n');
        if (!d.differences().isEmpty()) {
            s.append(String.format("#   %-20s %-20s %s%n", "field", "golden", "DUT"));
            for (FieldDifference f : d.differences()) {
                s.append(String.format("#   %-20s 0x%-18x 0x%x%n", f.field(), f.reference(), f.dut()));
            }
        }
        if (d.reference() != null) s.append("#   golden> ").append(line(d.reference())).append('\n');
        if (d.dut() != null) s.append("#   DUT>    ").append(line(d.dut())).append('\n');
        if (!d.history().isEmpty()) {
            s.append("#   the records before it (identical on both sides):\n");
            for (CommitRecord r : d.history()) s.append("#     ").append(line(r)).append('\n');
        }
        s.append(END).append("\n\n");
        s.append(script.text());
        return new DeviceReproducer(bucket.slug() + "-seed" + x.seed() + SUFFIX, h, s.toString(), script);
    }

    private static String line(CommitRecord r) { return TraceFormat.line(r).strip(); }

    public Path write(Path file) throws IOException { return AtomicFiles.write(file, text); }

    // ------------------------------------------------------------------ reading

    public static boolean looksLikeDeviceReproducer(Path file) {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(MAGIC);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public static DeviceReproducer read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException for a file that is not a device reproducer, a newer version,
     *                                  a missing header key, a script that does not parse or does not match its hash
     */
    public static DeviceReproducer parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC)) {
            throw new IllegalArgumentException(name + ": not a device reproducer (the first line must be '" + MAGIC + VERSION + "')");
        }
        int version;
        try {
            version = Integer.parseInt(lines[0].substring(MAGIC.length()).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": bad version line '" + lines[0] + "'");
        }
        if (version > VERSION) throw new IllegalArgumentException(name + ": device reproducer v" + version + " is newer than this tool (v" + VERSION + ")");
        Map<String, String> h = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].equals(END); i++) {
            Matcher m = KEY.matcher(lines[i]);
            if (m.matches() && !h.containsKey(m.group(1))) h.put(m.group(1), m.group(2).strip());
        }
        if (i == lines.length) throw new IllegalArgumentException(name + ": no '" + END + "' line");
        for (String k : new String[] {"seed", "target", "dram-bytes", "bucket", "script-sha256"}) {
            if (!h.containsKey(k)) throw new IllegalArgumentException(name + ": header has no '" + k + "'");
        }
        StringBuilder body = new StringBuilder();
        for (int k = i + 1; k < lines.length; k++) body.append(lines[k]).append('\n');
        HostScript script;
        try {
            script = HostScript.parse(body.toString());
        } catch (HostScript.ScriptException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        String sha = sha256(script.text());
        if (!sha.equals(h.get("script-sha256"))) {
            throw new IllegalArgumentException(name + ": the script has SHA-256 " + sha + ", not the recorded " + h.get("script-sha256")
                    + " (edited?)");
        }
        return new DeviceReproducer(name, h, text, script);
    }

    public String name() { return name; }

    public String get(String key) { return header.get(key); }

    public String target() { return header.get("target"); }

    public int dramBytes() { return Integer.parseInt(header.get("dram-bytes")); }

    public BucketSignature bucket() { return BucketSignature.parse(header.get("bucket")); }

    public HostScript script() { return script; }

    public String text() { return text; }

    /** Whether divergence {@code d} is the recorded one: same bucket, same order, same fields. */
    public boolean ownBug(Divergence d) {
        return BucketSignature.of(d).equals(bucket()) && Long.toString(d.order()).equals(header.get("divergence-order"))
                && fieldList(d).equals(header.get("divergence-fields"));
    }

    static String fieldList(Divergence d) {
        return d.differences().isEmpty() ? d.kind().name() : String.join(",", d.differences().stream().map(FieldDifference::field).toList());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
