package dev.seedverify.cli.progress;

import dev.seedverify.reports.campaign.Progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows how far a long piece of work is: on a terminal a bar redrawn in place with the rate and
 * the time left; otherwise (CI logs, pipes, {@code CI=true}) a plain line every few seconds. Work
 * that ends within the first few seconds shows nothing. One piece of work at a time.
 */
public final class ProgressMeter {
    /** Nothing is shown for work that ends sooner than this. */
    static final long QUIET_MILLIS = 3_000;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalMillis;
    private final long quietMillis;
    private Job job;

    /**
     * @param terminal       redraw a bar in place (a TTY) rather than print lines
     * @param intervalMillis time between plain lines (a bar is redrawn every half second)
     */
    public ProgressMeter(PrintStream out, boolean terminal, long intervalMillis) {
        this(out, terminal, intervalMillis, QUIET_MILLIS);
    }

    ProgressMeter(PrintStream out, boolean terminal, long intervalMillis, long quietMillis) {
        this.out = out;
        this.terminal = terminal;
        this.intervalMillis = intervalMillis;
        this.quietMillis = quietMillis;
    }

    /** A bar on a terminal unless {@code CI} is set; plain lines every 10 s otherwise ({@code SEEDVERIFY_PROGRESS_SECONDS} changes it). */
    public static ProgressMeter forThisProcess(PrintStream out) {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isEmpty() && !System.getenv("CI").equals("false");
        boolean tty = System.console() != null && !ci;
        long seconds = 10;
        String s = System.getenv("SEEDVERIFY_PROGRESS_SECONDS");
        if (s != null) {
            try {
                seconds = Math.max(1, Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                out.println("seedverify: SEEDVERIFY_PROGRESS_SECONDS='" + s + "' is not a number of seconds; using 10");
            }
        }
        return new ProgressMeter(out, tty, seconds * 1000);
    }

    /** A meter that shows nothing. */
    public static ProgressMeter silent() { return new ProgressMeter(null, false, Long.MAX_VALUE); }

    /** Starts showing {@code title}: {@code total} {@code items} to do (0 or less: unknown). */
    public synchronized Progress start(String title, String items, long total) {
        done();
        if (out == null) return Progress.NONE;
        job = new Job(title, items, total);
        job.thread.start();
        return job.count::addAndGet;
    }

    /** The current work ended: its last line (when it was shown at all) and no more. */
    public synchronized void done() {
        if (job == null) return;
        job.stop();
        job = null;
    }

    private final class Job {
        final String title, items;
        final long total;
        final AtomicLong count = new AtomicLong();
        final long start = System.nanoTime();
        final Thread thread;
        volatile boolean stopped;
        boolean shown;

        Job(String title, String items, long total) {
            this.title = title;
            this.items = items;
            this.total = total;
            thread = new Thread(this::loop, "seedverify-progress");
            thread.setDaemon(true);
        }

        void loop() {
            long next = quietMillis;
            while (!stopped) {
                try {
                    Thread.sleep(terminal ? 500 : Math.min(500, intervalMillis));
                } catch (InterruptedException e) {
                    return;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (stopped || ms < next) continue;
                show(ms, false);
                next = terminal ? ms + 500 : Math.max(quietMillis, ms + intervalMillis);
            }
        }

        synchronized void show(long ms, boolean last) {
            long n = count.get();
            double rate = ms > 0 ? n * 1000.0 / ms : 0;
            String eta = total > 0 && rate > 0 && n < total ? ", ETA " + duration((long) ((total - n) / rate * 1000)) : "";
            String of = total > 0 ? n + "/" + total : Long.toString(n);
            String pct = total > 0 ? String.format(" (%d%%)", n * 100 / total) : "";
            if (terminal) {
                String bar = "";
                if (total > 0) {
                    int w = 30, fill = (int) Math.min(w, n * w / total);
                    bar = "[" + "#".repeat(fill) + ".".repeat(w - fill) + "] ";
                }
                out.print("\r" + bar + of + " " + items + pct + String.format(", %.1f/s", rate) + eta + ", " + duration(ms) + "   ");
                if (last) out.println();
            } else {
                out.println("progress: " + title + ": " + of + " " + items + pct + String.format(", %.1f/s", rate) + eta + ", elapsed " + duration(ms));
            }
            out.flush();
            shown = true;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
            if (shown && terminal) show((System.nanoTime() - start) / 1_000_000, true);
        }
    }

    /** {@code 1:02:03}, {@code 4:05} or {@code 7 s}. */
    static String duration(long ms) {
        long s = ms / 1000;
        if (s < 60) return s + " s";
        if (s < 3600) return String.format("%d:%02d", s / 60, s % 60);
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
