package dev.seedverify.reports.render;

import dev.seedverify.reports.model.RunResult;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, time and duration formats shared by the writers, so every report says the same thing the same way. */
final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {}

    static String percent(double p) { return String.format(Locale.ROOT, "%.1f%%", p); }

    static String number(long n) { return String.format(Locale.ROOT, "%,d", n); }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return number((long) v);
        double a = Math.abs(v);
        String s = String.format(Locale.ROOT, a >= 100 ? "%,.1f" : a >= 1 ? "%.2f" : "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Indents every non-blank line by {@code n} spaces (blank lines stay empty). */
    static String indent(String text, int n) {
        StringBuilder b = new StringBuilder();
        String pad = " ".repeat(n);
        for (String line : text.split("\n", -1)) {
            if (!b.isEmpty()) b.append('\n');
            if (!line.isBlank()) b.append(pad).append(line.stripTrailing());
        }
        String s = b.toString();
        return s.endsWith("\n") ? s : s + "\n";
    }

    static String time(Instant t) { return t == null ? "-" : TIME.format(t); }

    static String duration(long millis) {
        if (millis < 1000) return millis + " ms";
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
        return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }

    /** {@code started ... finished ... (3m 20s)}, or {@code started ..., not finished}. */
    static String span(RunResult r) {
        if (r.startedAt() == null && r.finishedAt() == null) return "times not recorded";
        StringBuilder s = new StringBuilder("started ").append(time(r.startedAt()));
        if (r.finishedAt() == null) return s.append(", not finished").toString();
        s.append(", finished ").append(time(r.finishedAt()));
        if (r.startedAt() != null) s.append(" (").append(duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis())).append(')');
        return s.toString();
    }

    static String plural(long n, String one, String many) { return number(n) + " " + (n == 1 ? one : many); }
}
