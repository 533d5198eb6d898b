package dev.seedverify.reports.allure;

import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders Allure results folders into the Allure HTML report with the Allure command line
 * ({@link AllureCommandLine}). The default layout is one self-contained {@code index.html} that a
 * browser opens from disk without a server; {@link Layout#SERVED} is Allure's usual folder, for a
 * web server (its page fetches data files, which browsers refuse from {@code file:} URLs).
 */
public final class AllureReport {
    /** Allure generates a few hundred results in seconds; a hung JVM must not hang the caller. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private AllureReport() {}

    public enum Layout { SINGLE_FILE, SERVED }

    /** One self-contained {@code index.html} in {@code outDir}; returns its path. */
    public static Path render(Path resultsDir, Path outDir) throws IOException {
        return render(List.of(resultsDir), outDir, Layout.SINGLE_FILE, null);
    }

    /**
     * Renders one or more results folders (e.g. every module's {@code target/allure-results} and a
     * campaign's) into {@code outDir}, which is replaced whole: on failure the previous report stays.
     *
     * @param reportName the report's title, or null for Allure's default
     * @return the report's {@code index.html}
     * @throws AllureUnavailableException when the command line is missing or fails (with its output)
     */
    public static Path render(List<Path> resultsDirs, Path outDir, Layout layout, String reportName) throws IOException {
        if (resultsDirs.isEmpty()) throw new IllegalArgumentException("no results folder to render");
        for (Path r : resultsDirs) {
            if (!Files.isDirectory(r)) throw new IllegalArgumentException("no Allure results folder at " + r);
        }
        return render(AllureCommandLine.locate(), resultsDirs, outDir, layout, reportName);
    }

    /** {@link #render(List, Path, Layout, String)} with a given command line. */
    static Path render(AllureCommandLine allure, List<Path> resultsDirs, Path outDir, Layout layout, String reportName) throws IOException {
        AtomicFiles.replaceDirectory(outDir, dir -> generate(allure, resultsDirs, dir, layout, reportName));
        return outDir.resolve("index.html");
    }

    private static void generate(AllureCommandLine allure, List<Path> results, Path dir, Layout layout, String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("generate"));
        for (Path r : results) args.add(r.toAbsolutePath().toString());
        args.addAll(List.of("--clean", "-o", dir.toAbsolutePath().toString()));
        if (layout == Layout.SINGLE_FILE) args.add("--single-file");
        if (name != null) args.addAll(List.of("--name", name));
        ProcessBuilder pb = new ProcessBuilder(allure.command(args)).redirectErrorStream(true);
        pb.environment().put("APP_HOME", allure.home().toAbsolutePath().toString());
        Path log = Files.createTempFile("allure-generate", ".log");
        pb.redirectOutput(log.toFile());
        try {
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Allure generated the report", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new AllureUnavailableException("Allure " + allure.version() + " did not finish within " + TIMEOUT.toMinutes() + " minutes; output:\n" + tail(log));
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(dir.resolve("index.html"))) {
                throw new AllureUnavailableException("Allure " + allure.version() + " (" + allure.home() + ") failed with exit status " + p.exitValue()
                        + "; output:\n" + tail(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
