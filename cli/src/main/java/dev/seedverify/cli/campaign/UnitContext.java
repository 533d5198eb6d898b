package dev.seedverify.cli.campaign;

import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.campaign.CampaignOptions;
import dev.seedverify.reports.campaign.Progress;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.campaign.Settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** What one unit of a campaign sees ({@link SectionContext}); while planning there is no run folder yet. */
final class UnitContext implements SectionContext {
    private final String target;
    private final CampaignOptions options;
    private final Settings settings;
    private final Path runDir;
    private final Path baseDir;
    private final String suite;
    private final BiFunction<String, Long, Progress> progress;

    UnitContext(String target, CampaignOptions options, Settings settings, Path runDir, Path baseDir, String suite,
                BiFunction<String, Long, Progress> progress) {
        this.target = target;
        this.options = options;
        this.settings = settings;
        this.runDir = runDir;
        this.baseDir = baseDir;
        this.suite = suite;
        this.progress = progress;
    }

    /** A context for {@code units()} only: no run folder, no progress, no files. */
    static UnitContext planning(String target, CampaignConfig config, String suite) {
        return new UnitContext(target, config.options(), new ConfigSettings(config, suite), null, config.baseDir(), suite, (i, n) -> Progress.NONE);
    }

    @Override
    public String target() { return target; }

    @Override
    public CampaignOptions options() { return options; }

    @Override
    public Settings settings() { return settings; }

    @Override
    public Path runDir() {
        if (runDir == null) throw new IllegalStateException("the run's folder is not known while planning (units())");
        return runDir;
    }

    @Override
    public Path workDir() { return runDir().resolve("work").resolve(suite.replaceAll("[^A-Za-z0-9._-]+", "-")); }

    @Override
    public Path baseDir() { return baseDir; }

    @Override
    public Progress progress(String items, long total) { return progress.apply(items, total); }

    @Override
    public void keepFile(String path, String text) throws IOException {
        Path root = runDir().toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) throw new IllegalArgumentException(path + " is not a file inside the run's folder");
        AtomicFiles.write(file, text);
    }
}
