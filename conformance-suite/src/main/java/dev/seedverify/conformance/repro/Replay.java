package dev.seedverify.conformance.repro;

import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.conformance.device.DeviceLockstep;
import dev.seedverify.conformance.device.DeviceReproducer;
import dev.seedverify.conformance.device.HostScript;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BackendUnavailableException;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Divergence;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;
import dev.seedverify.rtl.RtlBackendProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Replays reproducer files: one file, or every reproducer under a folder (the regression tier):
 * bare-mode programs ({@link Reproducer}) and device host-action scripts
 * ({@link DeviceReproducer}; golden check: the script runs on the golden model; DUT check: it runs
 * in whole-chip lockstep with no divergence).
 *
 * <p>Verdicts, per file:
 * <ul>
 *   <li><b>PASS</b>: the golden model and the target agree on the whole program (the bug is fixed);
 *       with target {@code golden}: the program halts with tohost = 1 on the golden model (the file
 *       is intact and its program well formed).</li>
 *   <li><b>FAIL</b>: they still diverge; the line says whether in the recorded bucket (the same bug)
 *       or another one.</li>
 *   <li><b>ERROR</b>: the file cannot be replayed: malformed ({@link FileResult#badInput()}: not a
 *       reproducer, binary, cut short, edited so its hash no longer matches), or its program does not
 *       halt, or the target cannot run it. The other files still run.</li>
 * </ul>
 * The command line is {@code seedverify replay} ({@link #command}).
 */
public final class Replay {
    public enum Verdict { PASS, FAIL, ERROR }

    /**
     * The outcome of one file.
     *
     * @param badInput   the file itself is malformed (an ERROR that is the input's fault, not the target's)
     * @param divergence what diverged, for a FAIL, else null
     */
    public record FileResult(Path file, Verdict verdict, String detail, BucketSignature signature, Reproducer.Match match,
                             boolean badInput, Divergence divergence, long millis) {
        /** The recorded bug is back: same bucket, same record, same fields. */
        public boolean ownBug() { return match == Reproducer.Match.OWN_BUG; }

        static FileResult error(Path file, String detail, boolean badInput, long millis) {
            return new FileResult(file, Verdict.ERROR, detail, null, null, badInput, null, millis);
        }
    }

    /** Every file's outcome, or why the target could not be opened. */
    public record Summary(String target, List<FileResult> results, String unavailable) {
        public Summary {
            results = List.copyOf(results);
        }

        public long count(Verdict v) { return results.stream().filter(r -> r.verdict() == v).count(); }

        /** Files that could not be replayed because they are malformed. */
        public long malformed() { return results.stream().filter(FileResult::badInput).count(); }

        /**
         * 0 when every file passed; 1 when one still diverges or could not run on the target; 3 when
         * the only problems are malformed files (bad input); 2 when the target is unavailable.
         */
        public int exitCode() {
            if (unavailable != null) return 2;
            if (results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR && !r.badInput())) return 1;
            return malformed() > 0 ? 3 : 0;
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            for (FileResult r : results) s.append(String.format("%-5s %s  %s%n", r.verdict(), r.file(), r.detail()));
            if (unavailable != null) s.append("target ").append(target).append(" unavailable: ").append(unavailable).append('\n');
            long own = results.stream().filter(r -> r.verdict() == Verdict.FAIL && r.ownBug()).count();
            long other = results.stream().filter(r -> r.verdict() == Verdict.FAIL && r.match() == Reproducer.Match.OTHER_BUCKET).count();
            s.append(String.format("replayed %d reproducer%s on %s: %d passed, %d still diverge (%d with their own bug back, %d with "
                            + "another bug), %d errors (%d malformed files)%n", results.size(), results.size() == 1 ? "" : "s", target,
                    count(Verdict.PASS), count(Verdict.FAIL), own, other, count(Verdict.ERROR), malformed()));
            return s.toString();
        }

        /**
         * The replay as a section of a run: one case per file (id: its path relative to {@code root}, or as
         * given when outside it), a FAIL as DIVERGED with its bucket, an ERROR as ERROR.
         */
        public Section section(String suite, Target on, Path root, Instant startedAt) {
            List<CaseResult> cases = new ArrayList<>();
            for (FileResult r : results) {
                String id = caseId(r.file(), root);
                CaseResult c = switch (r.verdict()) {
                    case PASS -> CaseResult.passed(id, r.millis());
                    case FAIL -> CaseResult.diverged(id, r.millis(), r.divergence())
                            .withLabel(CaseResult.INSTRUCTION, r.signature().unit());
                    case ERROR -> CaseResult.error(id, r.millis(), r.detail());
                };
                cases.add(c.withLabel(CaseResult.PROGRAM, r.file().toString()));
            }
            long ms = results.stream().mapToLong(FileResult::millis).sum();
            return new Section(suite, on, true, startedAt, ms, cases, 0, null, null);
        }

        /** The buckets of the files that still diverge. */
        public BucketTable buckets() {
            BucketTable t = new BucketTable();
            for (FileResult r : results) if (r.verdict() == Verdict.FAIL) t.add(r.signature(), null);
            return t;
        }
    }

    private Replay() {}

    /** The command that replays {@code file} on {@code target}: what reports and reproducer headers print. */
    public static String command(String file, String target) {
        return "seedverify replay " + file + " --target " + target;
    }

    /**
     * The reproducer files among {@code paths}: files as given; folders searched recursively (sorted),
     * taking every file that starts as a reproducer or is named {@code *.S} (so a damaged reproducer
     * in a folder is an ERROR, not overlooked) and ignoring the rest (notes, divergence reports).
     *
     * @throws IOException naming a path that does not exist, or a folder that holds no reproducer (an
     *                     empty regression folder is an error, not a pass)
     */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(p)) {
                    found = s.filter(Files::isRegularFile)
                            .filter(f -> isNamedAssembly(f) || Reproducer.looksLikeReproducer(f) || DeviceReproducer.looksLikeDeviceReproducer(f))
                            .sorted().toList();
                }
                if (found.isEmpty()) throw new IOException(p + ": the folder holds no reproducer files");
                out.addAll(found);
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new IOException(p + ": no such file or folder");
            }
        }
        return out;
    }

    private static boolean isNamedAssembly(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".S") || n.endsWith(".s");
    }

    /** Replays {@code files} on {@code target} ({@code golden}, {@code both}, or a DUT name). */
    public static Summary replay(List<Path> files, String target, Long budgetOverride) {
        return replay(files, target, budgetOverride, n -> { });
    }

    /**
     * Replays {@code files} on {@code target}: {@code golden} (the golden model alone), {@code both}
     * (the golden check, then lockstep against {@code rtl}) or a DUT name (lockstep); {@code done} hears
     * of every file finished.
     */
    public static Summary replay(List<Path> files, String target, Long budgetOverride, LongConsumer done) {
        boolean goldenCheck = target.equals(Backends.GOLDEN) || target.equals("both");
        String dutName = target.equals("both") ? RtlBackendProvider.NAME : target.equals(Backends.GOLDEN) ? null : target;
        Map<Integer, LockstepRunner> runners = new HashMap<>();
        Map<Integer, DeviceLockstep> devicePairs = new HashMap<>();
        List<FileResult> results = new ArrayList<>();
        try {
            for (Path f : files) {
                long t0 = System.nanoTime();
                if (DeviceReproducer.looksLikeDeviceReproducer(f)) {
                    FileResult d = replayDevice(f, goldenCheck, dutName, devicePairs, t0);
                    if (d == null) return new Summary(target, results, "cannot open lockstep:golden," + dutName);
                    results.add(d);
                    done.accept(1);
                    continue;
                }
                Reproducer r;
                ElfImage image;
                try {
                    r = Reproducer.read(f);
                    image = r.image();
                } catch (Reproducer.InvalidReproducerException e) {
                    results.add(FileResult.error(f, e.getMessage(), true, ms(t0)));
                    done.accept(1);
                    continue;
                } catch (IOException | UncheckedIOException e) {
                    results.add(FileResult.error(f, "cannot read: " + e.getMessage(), true, ms(t0)));
                    done.accept(1);
                    continue;
                }
                long budget = budgetOverride != null ? budgetOverride : r.budget();
                String goldenNote = "";
                if (goldenCheck) {
                    BareMetal.Result g = BareMetal.run(image, r.dramBytes(), budget);
                    if (g.verdict() != BareMetal.Verdict.PASS) {
                        results.add(FileResult.error(f, "the program does not halt with tohost = 1 on the golden model: " + g.summary(), false, ms(t0)));
                        done.accept(1);
                        continue;
                    }
                    goldenNote = "golden halts with tohost = 1 after " + g.steps() + " instructions";
                }
                if (dutName == null) {
                    results.add(new FileResult(f, Verdict.PASS, goldenNote, null, null, false, null, ms(t0)));
                    done.accept(1);
                    continue;
                }
                LockstepRunner runner;
                try {
                    runner = runners.computeIfAbsent(r.dramBytes(), d -> new LockstepRunner(() -> Backends.open(dutName, d), budget));
                } catch (BackendUnavailableException e) {
                    return new Summary(target, results, e.getMessage());
                }
                results.add(lockstep(f, r, image, runner, dutName, t0));
                done.accept(1);
            }
        } catch (BackendUnavailableException e) {
            return new Summary(target, results, e.getMessage());
        } finally {
            runners.values().forEach(LockstepRunner::close);
            devicePairs.values().forEach(DeviceLockstep::close);
        }
        return new Summary(target.equals("both") ? "golden + " + RtlBackendProvider.NAME : target, results, null);
    }

    /**
     * A device reproducer (host-action script): the golden check runs the script on the golden
     * model alone (it must run to idle); the DUT check runs it in lockstep golden vs the DUT.
     */
    private static FileResult replayDevice(Path f, boolean goldenCheck, String dutName, Map<Integer, DeviceLockstep> pairs, long t0) {
        DeviceReproducer r;
        try {
            r = DeviceReproducer.read(f);
        } catch (IllegalArgumentException e) {
            return FileResult.error(f, e.getMessage(), true, ms(t0));
        } catch (IOException | UncheckedIOException e) {
            return FileResult.error(f, "cannot read: " + e.getMessage(), true, ms(t0));
        }
        String goldenNote = "";
        if (goldenCheck) {
            try (GoldenBackend golden = new GoldenBackend(r.dramBytes())) {
                HostScript.Outcome o = r.script().run(golden);
                goldenNote = "the script runs on the golden model (" + o.completions() + " commands, " + o.instructions() + " instructions)";
            } catch (RuntimeException e) {
                return FileResult.error(f, "the script does not run on the golden model: " + e.getMessage(), false, ms(t0));
            }
        }
        if (dutName == null) return new FileResult(f, Verdict.PASS, goldenNote, null, null, false, null, ms(t0));
        DeviceLockstep pair = pairs.computeIfAbsent(r.dramBytes(), d -> new DeviceLockstep(dutName, d));
        DeviceLockstep.Result x;
        try {
            x = pair.run(r.script());
        } catch (RuntimeException e) {
            return FileResult.error(f, dutName + " could not run it: " + e, false, ms(t0));
        }
        if (!x.diverged()) {
            return new FileResult(f, Verdict.PASS, "golden and " + dutName + " agree on every record, event, DRAM image and quiescent read "
                    + "(recorded: " + r.bucket() + ")", null, null, false, null, ms(t0));
        }
        BucketSignature s = x.signature();
        Reproducer.Match m = r.ownBug(x.divergence()) ? Reproducer.Match.OWN_BUG
                : s.equals(r.bucket()) ? Reproducer.Match.SAME_BUCKET_ELSEWHERE : Reproducer.Match.OTHER_BUCKET;
        String what = switch (m) {
            case OWN_BUG -> "its own bug is back: " + s + " at order " + x.divergence().order();
            case SAME_BUCKET_ELSEWHERE -> "diverges in the recorded bucket " + s + " but at order " + x.divergence().order();
            case OTHER_BUCKET -> "something else diverges here: " + s + " (recorded: " + r.bucket() + ")";
        };
        Divergence d = new DivergenceReport(x.divergence(), f.toString(), dutName, command(f.toString(), dutName))
                .toModel().withBucket(s.toString());
        return new FileResult(f, Verdict.FAIL, what, s, m, false, d, ms(t0));
    }

    private static FileResult lockstep(Path f, Reproducer r, ElfImage image, LockstepRunner runner, String dutName, long t0) {
        LockstepRunner.Outcome o;
        try {
            o = runner.run(image);
        } catch (RuntimeException e) {
            return FileResult.error(f, dutName + " could not run it: " + e, false, ms(t0));
        }
        if (o.diverged()) {
            BucketSignature s = o.signature();
            Reproducer.Match m = r.match(s, o.divergence());
            String what = switch (m) {
                case OWN_BUG -> "its own bug is back: " + s + " at order " + o.divergence().order();
                case SAME_BUCKET_ELSEWHERE -> "diverges in the recorded bucket " + s + " but at order " + o.divergence().order()
                        + " (" + Reproducer.fieldList(o.divergence()) + ") instead of order " + r.get("divergence-order")
                        + (r.get("divergence-fields") == null ? "" : " (" + r.get("divergence-fields") + ")");
                case OTHER_BUCKET -> "something else diverges here: " + s + " at order " + o.divergence().order() + " (recorded: "
                        + r.bucket() + ")";
            };
            Divergence d = new DivergenceReport(o.divergence(), f.toString(), runner.dut().describe(), command(f.toString(), dutName))
                    .toModel().withBucket(s.toString());
            return new FileResult(f, Verdict.FAIL, what, s, m, false, d, ms(t0));
        }
        if (o.timedOut()) {
            return FileResult.error(f, "golden and " + dutName + " agree but the program did not halt within "
                    + runner.budget() + " records", false, ms(t0));
        }
        return new FileResult(f, Verdict.PASS, "golden and " + dutName + " agree on all " + o.result().records()
                + " records (recorded: " + r.bucket() + ")", null, null, false, null, ms(t0));
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    private static String caseId(Path file, Path root) {
        if (root != null) {
            Path a = file.toAbsolutePath().normalize(), b = root.toAbsolutePath().normalize();
            if (a.startsWith(b) && !a.equals(b)) return b.relativize(a).toString();
        }
        return file.toString();
    }
}
