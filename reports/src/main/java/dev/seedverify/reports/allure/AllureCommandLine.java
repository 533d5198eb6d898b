package dev.seedverify.reports.allure;

import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Allure command line ({@code io.qameta.allure:allure-commandline}, a zip on Maven Central),
 * run on this JDK. Looked for, in order:
 * <ol>
 *   <li>system property {@value #HOME_PROPERTY}: an unpacked distribution (the reports module's
 *       build unpacks one into {@code reports/target/allure-commandline});</li>
 *   <li>environment variable {@code ALLURE_HOME};</li>
 *   <li>the zip in the local Maven repository (system property {@code maven.repo.local}, else
 *       {@code ~/.m2/repository}), unpacked once into {@code ~/.cache/seedverify/} (or {@code $XDG_CACHE_HOME}).</li>
 * </ol>
 * A home given explicitly (1 or 2) that is not a distribution is an error, not skipped.
 *
 * @param home    the distribution's folder (holding {@code lib/} and {@code plugins/})
 * @param version its version
 */
public record AllureCommandLine(Path home, String version) {
    public static final String HOME_PROPERTY = "seedverify.allure.home";
    public static final String GROUP = "io.qameta.allure";
    public static final String ARTIFACT = "allure-commandline";

    /** The version this build of SeedVerify uses (from the root pom). */
    public static String expectedVersion() {
        try (InputStream in = AllureCommandLine.class.getResourceAsStream("/dev/seedverify/reports/allure/allure.properties")) {
            if (in == null) throw new IllegalStateException("allure.properties missing from the reports jar");
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.contains("${")) throw new IllegalStateException("allure.properties was not filled in by the build: " + v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the command line as described above, or says where it looked and how to get it. */
    public static AllureCommandLine locate() {
        return locate(expectedVersion(), System.getProperty(HOME_PROPERTY), System.getenv("ALLURE_HOME"), localRepository(), cacheRoot());
    }

    /** {@link #locate()} with its inputs given: the property's and the variable's values (or null), the repository and the cache. */
    static AllureCommandLine locate(String version, String homeProperty, String allureHome, Path repository, Path cache) {
        List<String> looked = new ArrayList<>();
        if (homeProperty != null && !homeProperty.isBlank()) return at(Path.of(homeProperty), version, "-D" + HOME_PROPERTY);
        looked.add("-D" + HOME_PROPERTY + " (not set)");
        if (allureHome != null && !allureHome.isBlank()) return at(Path.of(allureHome), version, "$ALLURE_HOME");
        looked.add("$ALLURE_HOME (not set)");
        Path zip = repository.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(version).resolve(ARTIFACT + "-" + version + ".zip");
        if (Files.isRegularFile(zip)) return unpacked(zip, version, cache);
        looked.add(zip + " (absent)");
        throw new AllureUnavailableException("the Allure command line " + version + " is not available; looked at " + String.join(", ", looked)
                + ". Fetch it into the local Maven repository with: mvn dependency:get -Dartifact=" + GROUP + ":" + ARTIFACT + ":" + version + ":zip"
                + " (or build the reports module, which does), or point -D" + HOME_PROPERTY + " at an unpacked Allure " + version + ".");
    }

    static Path localRepository() {
        String p = System.getProperty("maven.repo.local");
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("seedverify");
    }

    /** A distribution folder given explicitly; {@code from} names where it came from in errors. */
    static AllureCommandLine at(Path home, String version, String from) {
        Path lib = home.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new AllureUnavailableException(from + " points at " + home + ", which is not an Allure distribution (no lib/ folder)");
        }
        try (var files = Files.list(lib)) {
            boolean jar = files.anyMatch(f -> f.getFileName().toString().startsWith("allure-commandline-") && f.toString().endsWith(".jar"));
            if (!jar) throw new AllureUnavailableException(from + " points at " + home + ", whose lib/ holds no allure-commandline jar");
        } catch (IOException e) {
            throw new AllureUnavailableException("cannot read " + lib + ": " + e.getMessage(), e);
        }
        return new AllureCommandLine(home, version);
    }

    /** Unpacks the zip once into the cache (whole or not at all) and returns the distribution in it. */
    static AllureCommandLine unpacked(Path zip, String version, Path cache) {
        Path target = cache.resolve(ARTIFACT + "-" + version);
        Path home = target.resolve("allure-" + version);
        if (!Files.isDirectory(home.resolve("lib"))) {
            try {
                AtomicFiles.replaceDirectory(target, dir -> unzip(zip, dir));
            } catch (IOException e) {
                throw new AllureUnavailableException("cannot unpack " + zip + " into " + target + ": " + e.getMessage(), e);
            }
        }
        return at(home, version, zip.toString());
    }

    static void unzip(Path zip, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) throw new IOException("entry " + e.getName() + " of " + zip + " leaves the folder");
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The command that runs Allure with {@code args} on this JDK (no shell script, no JAVA_HOME needed). */
    public List<String> command(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String sep = System.getProperty("path.separator");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", home.resolve("lib") + "/*" + sep + home.resolve("lib").resolve("config"),
                "io.qameta.allure.CommandLine"));
        cmd.addAll(args);
        return cmd;
    }
}
