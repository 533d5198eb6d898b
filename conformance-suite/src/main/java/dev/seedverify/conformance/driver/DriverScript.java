package dev.seedverify.conformance.driver;

import dev.seedverify.driver.DriverBug;
import dev.seedverify.driver.WaitMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A replayable driver action script: how the device is opened (ring entries, polling or irq, poll
 * interval) and the actions, one per line. Lines starting with {@code #} are comments; a
 * {@code # bug: NAME} comment records the injected driver bug the script was found with.
 *
 * <pre>
 * # bug: tail-before-descriptor
 * open ring=2 wait=poll poll=64
 * nop
 * </pre>
 */
public record DriverScript(int ringEntries, WaitMode waitMode, int pollRecords, List<DriverAction> actions, DriverBug foundWith) {
    public DriverScript {
        actions = List.copyOf(actions);
    }

    public DriverScript withActions(List<DriverAction> a) { return new DriverScript(ringEntries, waitMode, pollRecords, a, foundWith); }

    public DriverScript foundWith(DriverBug bug) { return new DriverScript(ringEntries, waitMode, pollRecords, actions, bug); }

    public String openLine() {
        return "open ring=" + ringEntries + " wait=" + waitMode.name().toLowerCase(Locale.ROOT) + " poll=" + pollRecords;
    }

    /** The script as text (parseable by {@link #parse}). */
    public String text() {
        StringBuilder s = new StringBuilder("# driver action script: replay with ci/driver-replay.sh FILE [--bug NAME] [--backend NAME]\n");
        if (foundWith != null) s.append("# bug: ").append(foundWith.id()).append('\n');
        s.append(openLine()).append('\n');
        for (DriverAction a : actions) s.append(a.line()).append('\n');
        return s.toString();
    }

    public static DriverScript parse(String text) {
        Integer ring = null;
        WaitMode mode = WaitMode.POLL;
        int poll = 64;
        DriverBug bug = null;
        List<DriverAction> actions = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                String c = line.substring(1).trim();
                if (c.startsWith("bug:")) bug = DriverBug.byId(c.substring(4).trim());
                continue;
            }
            if (line.startsWith("open ") || line.equals("open")) {
                for (String kv : line.substring(4).trim().split("\\s+")) {
                    if (kv.isEmpty()) continue;
                    String[] p = kv.split("=", 2);
                    switch (p[0]) {
                        case "ring" -> ring = Integer.parseInt(p[1]);
                        case "wait" -> mode = WaitMode.valueOf(p[1].toUpperCase(Locale.ROOT));
                        case "poll" -> poll = Integer.parseInt(p[1]);
                        default -> throw new IllegalArgumentException("unknown open option: " + kv);
                    }
                }
                continue;
            }
            actions.add(DriverAction.parse(line));
        }
        if (ring == null) throw new IllegalArgumentException("a driver script starts with an open line (open ring=N wait=poll|irq poll=N)");
        return new DriverScript(ring, mode, poll, actions, bug);
    }

    public static DriverScript read(Path file) throws IOException { return parse(Files.readString(file)); }
}
