package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The throughput benchmark of the property engine (issue 5, item 9): random programs through
 * golden + DUT lockstep per second, each worker reusing one golden hart and one DUT (reset, never
 * rebuilt). Programs are generated and rendered before the clock starts, so the figure is the
 * lockstep itself; {@code end-to-end} also counts generation and rendering. A diverging program
 * counts (up to its divergence) and is reported; one that does not halt is an error.
 *
 * <p>Usage: {@code Throughput [--target golden|rtl] [--programs N] [--threads N] [--weights SPEC] [--seconds S]}
 */
public final class Throughput {
    /** Programs of about 50 instructions: 25..45 body ops plus the prologue and epilogue. */
    public static final Weights FIFTY = Weights.DEFAULT.with(Weights.MIN_LEN, 25).with(Weights.MAX_LEN, 45);

    /** One measurement. */
    public record Result(String target, int threads, long programs, long records, double seconds, double endToEndProgramsPerSecond,
                         double avgInstructions, long diverged) {
        public double programsPerSecond() { return programs / seconds; }

        public double recordsPerSecond() { return records / seconds; }

        @Override
        public String toString() {
            return String.format("golden==%s, %d thread%s: %d programs (%.0f records each, %.0f body instructions on average) in %.2f s:"
                            + " %.0f programs/s, %.2f M records/s (end to end with generation: %.0f programs/s)", target, threads,
                    threads == 1 ? "" : "s", programs, (double) records / programs, avgInstructions, seconds, programsPerSecond(),
                    recordsPerSecond() / 1e6, endToEndProgramsPerSecond) + (diverged == 0 ? "" : "; " + diverged + " diverged");
        }
    }

    private Throughput() {}

    /** Runs {@code programs} programs (seeds 1..n) {@code rounds} times on {@code threads} workers; returns the best round. */
    public static Result measure(String target, int programs, int threads, Weights w, int rounds) {
        ProgramGenerator gen = new ProgramGenerator(w, Memory.DEFAULT_BYTES);
        long g0 = System.nanoTime();
        List<ElfImage> images = new ArrayList<>(programs);
        long instructions = 0;
        for (int s = 1; s <= programs; s++) {
            RenderedProgram rp = ProgramRenderer.image(gen.generate(s));
            images.add(rp.image());
            instructions += rp.bodyInstructions();
        }
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        Result best = null;
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up and is not counted
            AtomicInteger next = new AtomicInteger();
            AtomicLong records = new AtomicLong(), diverged = new AtomicLong();
            List<Thread> ts = new ArrayList<>();
            RuntimeException[] failure = new RuntimeException[1];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    try (LockstepRunner r = new LockstepRunner(() -> Backends.open(target, Memory.DEFAULT_BYTES))) {
                        int k;
                        while ((k = next.getAndIncrement()) < images.size()) {
                            LockstepRunner.Outcome o = r.run(images.get(k));
                            if (o.diverged()) diverged.incrementAndGet();
                            else if (!o.passed()) throw new IllegalStateException("seed " + (k + 1) + " did not halt: " + o.result().outcome());
                            records.addAndGet(o.result().records());
                        }
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                }, "throughput-" + t);
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure[0] != null) throw failure[0];
            double seconds = (System.nanoTime() - t0) / 1e9;
            double endToEnd = programs / (seconds + genSeconds / threads);
            Result res = new Result(target, threads, programs, records.get(), seconds, endToEnd, (double) instructions / programs, diverged.get());
            if (round >= 0 && (best == null || res.seconds() < best.seconds())) best = res;
        }
        return best;
    }

    public static void main(String[] args) {
        String target = Backends.GOLDEN;
        int programs = 5000, threads = 2, rounds = 3;
        Weights w = FIFTY;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = args[++i];
                case "--programs" -> programs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--weights" -> w = Weights.parse(args[++i]);
                default -> {
                    System.err.println("usage: Throughput [--target golden|rtl] [--programs N] [--threads N] [--rounds N] [--weights SPEC]");
                    System.exit(2);
                }
            }
        }
        for (int t = 1; t <= threads; t++) System.out.println(measure(target, programs, t, w, rounds));
    }
}
