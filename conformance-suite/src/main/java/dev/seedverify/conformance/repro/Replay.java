package dev.seedverify.conformance.repro;

import dev.seedverify.conformance.device.DeviceLockstep;
import dev.seedverify.conformance.device.DeviceReproducer;
import dev.seedverify.conformance.device.HostScript;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BackendUnavailableException;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.reports.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li><b>ERROR</b>: the file cannot be replayed (not a reproducer, edited so its bytes no longer
 *       match, the program does not halt, the target cannot run it).</li>
 * </ul>
 * The exit status is 0 when every file passed, 1 when any failed or errored, 2 for bad arguments
 * or an unavailable target (the message says why, e.g. that the RTL is not built).
 *
 * <p>Usage: {@code Replay <file|dir>... [--target golden|rtl|both|NAME] [--budget N] [--json FILE]}
 * ({@code both} = the golden check, then lockstep against {@code rtl}).
 */
public final class Replay {
    public enum Verdict { PASS, FAIL, ERROR }

    /** The outcome of one file. */
    public record FileResult(Path file, Verdict verdict, String detail, BucketSignature signature, Reproducer.Match match) {
        /** The recorded bug is back: same bucket, same record, same fields. */
        public boolean ownBug() { return match == Reproducer.Match.OWN_BUG; }
    }

    /** Every file's outcome, or why the target could not be opened. */
    public record Summary(String target, List<FileResult> results, String unavailable) {
        public long count(Verdict v) { return results.stream().filter(r -> r.verdict() == v).count(); }

        public int exitCode() {
            if (unavailable != null) return 2;
            return count(Verdict.FAIL) + count(Verdict.ERROR) == 0 ? 0 : 1;
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            for (FileResult r : results) s.append(String.format("%-5s %s  %s%n", r.verdict(), r.file(), r.detail()));
            if (unavailable != null) s.append("target ").append(target).append(" unavailable: ").append(unavailable).append('\n');
            long own = results.stream().filter(r -> r.verdict() == Verdict.FAIL && r.ownBug()).count();
            long other = results.stream().filter(r -> r.verdict() == Verdict.FAIL && r.match() == Reproducer.Match.OTHER_BUCKET).count();
            s.append(String.format("replayed %d reproducer%s on %s: %d passed, %d still diverge (%d with their own bug back, %d with "
                            + "another bug), %d errors%n", results.size(), results.size() == 1 ? "" : "s", target, count(Verdict.PASS),
                    count(Verdict.FAIL), own, other, count(Verdict.ERROR)));
            return s.toString();
        }

        public String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", target);
            m.put("unavailable", unavailable);
            m.put("passed", count(Verdict.PASS));
            m.put("failed", count(Verdict.FAIL));
            m.put("errors", count(Verdict.ERROR));
            List<Object> files = new ArrayList<>();
            for (FileResult r : results) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", r.file().toString());
                f.put("verdict", r.verdict().name());
                f.put("detail", r.detail());
                f.put("bucket", r.signature() == null ? null : r.signature().toString());
                f.put("match", r.match() == null ? null : r.match().name());
                files.add(f);
            }
            m.put("files", files);
            return Json.write(m);
        }
    }

    private Replay() {}

    /** The reproducer files among {@code paths}: files as given, folders searched recursively (sorted). */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> Reproducer.looksLikeReproducer(f) || DeviceReproducer.looksLikeDeviceReproducer(f))
                            .sorted().forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new IOException(p + ": no such file or folder");
            }
        }
        return out;
    }

    /** Replays {@code files} on {@code target} ({@code golden}, {@code both}, or a DUT name). */
    public static Summary replay(List<Path> files, String target, Long budgetOverride) {
        boolean goldenCheck = target.equals(Backends.GOLDEN) || target.equals("both");
        String dutName = target.equals("both") ? RtlBackendProvider.NAME : target.equals(Backends.GOLDEN) ? null : target;
        Map<Integer, LockstepRunner> runners = new HashMap<>();
        Map<Integer, DeviceLockstep> devicePairs = new HashMap<>();
        List<FileResult> results = new ArrayList<>();
        try {
            for (Path f : files) {
                if (DeviceReproducer.looksLikeDeviceReproducer(f)) {
                    FileResult d = replayDevice(f, goldenCheck, dutName, devicePairs);
                    if (d == null) return new Summary(target, results, "cannot open lockstep:golden," + dutName);
                    results.add(d);
                    continue;
                }
                Reproducer r;
                ElfImage image;
                try {
                    r = Reproducer.read(f);
                    image = r.image();
                } catch (Reproducer.InvalidReproducerException e) {
                    results.add(new FileResult(f, Verdict.ERROR, e.getMessage(), null, null));
                    continue;
                } catch (IOException | UncheckedIOException e) {
                    results.add(new FileResult(f, Verdict.ERROR, "cannot read: " + e.getMessage(), null, null));
                    continue;
                }
                long budget = budgetOverride != null ? budgetOverride : r.budget();
                String goldenNote = "";
                if (goldenCheck) {
                    BareMetal.Result g = BareMetal.run(image, r.dramBytes(), budget);
                    if (g.verdict() != BareMetal.Verdict.PASS) {
                        results.add(new FileResult(f, Verdict.ERROR, "the program does not halt with tohost = 1 on the golden model: " + g.summary(), null, null));
                        continue;
                    }
                    goldenNote = "golden halts with tohost = 1 after " + g.steps() + " instructions";
                }
                if (dutName == null) {
                    results.add(new FileResult(f, Verdict.PASS, goldenNote, null, null));
                    continue;
                }
                LockstepRunner runner;
                try {
                    runner = runners.computeIfAbsent(r.dramBytes(), d -> new LockstepRunner(() -> Backends.open(dutName, d), budget));
                } catch (BackendUnavailableException e) {
                    return new Summary(target, results, e.getMessage());
                }
                results.add(lockstep(f, r, image, runner, dutName));
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
    private static FileResult replayDevice(Path f, boolean goldenCheck, String dutName, Map<Integer, DeviceLockstep> pairs) {
        DeviceReproducer r;
        try {
            r = DeviceReproducer.read(f);
        } catch (IllegalArgumentException e) {
            return new FileResult(f, Verdict.ERROR, e.getMessage(), null, null);
        } catch (IOException | UncheckedIOException e) {
            return new FileResult(f, Verdict.ERROR, "cannot read: " + e.getMessage(), null, null);
        }
        String goldenNote = "";
        if (goldenCheck) {
            try (GoldenBackend golden = new GoldenBackend(r.dramBytes())) {
                HostScript.Outcome o = r.script().run(golden);
                goldenNote = "the script runs on the golden model (" + o.completions() + " commands, " + o.instructions() + " instructions)";
            } catch (RuntimeException e) {
                return new FileResult(f, Verdict.ERROR, "the script does not run on the golden model: " + e.getMessage(), null, null);
            }
        }
        if (dutName == null) return new FileResult(f, Verdict.PASS, goldenNote, null, null);
        DeviceLockstep pair = pairs.computeIfAbsent(r.dramBytes(), d -> new DeviceLockstep(dutName, d));
        DeviceLockstep.Result x;
        try {
            x = pair.run(r.script());
        } catch (RuntimeException e) {
            return new FileResult(f, Verdict.ERROR, dutName + " could not run it: " + e, null, null);
        }
        if (!x.diverged()) {
            return new FileResult(f, Verdict.PASS, "golden and " + dutName + " agree on every record, event, DRAM image and quiescent read "
                    + "(recorded: " + r.bucket() + ")", null, null);
        }
        BucketSignature s = x.signature();
        Reproducer.Match m = r.ownBug(x.divergence()) ? Reproducer.Match.OWN_BUG
                : s.equals(r.bucket()) ? Reproducer.Match.SAME_BUCKET_ELSEWHERE : Reproducer.Match.OTHER_BUCKET;
        String what = switch (m) {
            case OWN_BUG -> "its own bug is back: " + s + " at order " + x.divergence().order();
            case SAME_BUCKET_ELSEWHERE -> "diverges in the recorded bucket " + s + " but at order " + x.divergence().order();
            case OTHER_BUCKET -> "something else diverges here: " + s + " (recorded: " + r.bucket() + ")";
        };
        return new FileResult(f, Verdict.FAIL, what, s, m);
    }

    private static FileResult lockstep(Path f, Reproducer r, ElfImage image, LockstepRunner runner, String dutName) {
        LockstepRunner.Outcome o;
        try {
            o = runner.run(image);
        } catch (RuntimeException e) {
            return new FileResult(f, Verdict.ERROR, dutName + " could not run it: " + e, null, null);
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
            return new FileResult(f, Verdict.FAIL, what, s, m);
        }
        if (o.timedOut()) {
            return new FileResult(f, Verdict.ERROR, "golden and " + dutName + " agree but the program did not halt within "
                    + runner.budget() + " records", null, null);
        }
        return new FileResult(f, Verdict.PASS, "golden and " + dutName + " agree on all " + o.result().records()
                + " records (recorded: " + r.bucket() + ")", null, null);
    }

    public static void main(String[] args) {
        List<Path> paths = new ArrayList<>();
        String target = RtlBackendProvider.NAME;
        Long budget = null;
        Path json = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--target" -> target = args[++i];
                    case "--budget" -> budget = Long.parseLong(args[++i]);
                    case "--json" -> json = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        usage();
                        System.exit(0);
                    }
                    default -> {
                        if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
                        paths.add(Path.of(args[i]));
                    }
                }
            }
            if (paths.isEmpty()) throw new IllegalArgumentException("no reproducer file or folder given");
        } catch (RuntimeException e) {
            System.err.println("replay: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        List<Path> files;
        try {
            files = collect(paths);
        } catch (IOException e) {
            System.err.println("replay: " + e.getMessage());
            System.exit(2);
            return;
        }
        Summary s = replay(files, target, budget);
        System.out.print(s.text());
        if (json != null) {
            try {
                dev.seedverify.reports.AtomicFiles.write(json, s.json());
            } catch (IOException e) {
                System.err.println("replay: cannot write " + json + ": " + e.getMessage());
            }
        }
        System.exit(s.exitCode());
    }

    private static void usage() {
        System.err.println("usage: ci/replay.sh <file|dir>... [--target golden|rtl|both|NAME] [--budget N] [--json FILE]");
        System.err.println("  PASS: golden and the target agree (golden: the program halts with tohost = 1); FAIL: still diverges;");
        System.err.println("  exit 0 when every reproducer passes, 1 otherwise, 2 for bad arguments or an unavailable target.");
        System.err.println("  targets: " + Backends.names() + ", both (= golden check + rtl)");
    }
}
