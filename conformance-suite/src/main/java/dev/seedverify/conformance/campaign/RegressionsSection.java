package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.cosim.Backends;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Target;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The regression folders of past reproducers, replayed on each target: every file must pass (golden
 * and the target agree); a malformed file is an ERROR case, an empty folder keeps the section from running.
 */
public final class RegressionsSection implements CampaignSection {
    public static final String SUITE = "regressions";
    /** The project's regression folder, relative to the configuration's base folder. */
    public static final String DEFAULT_FOLDER = "conformance-suite/src/test/resources/regressions";

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() { return "the regression folders of past reproducers, replayed: each must pass"; }

    @Override
    public int order() { return 300; }

    @Override
    public Map<String, String> settings() {
        return Map.of("folders", "folders (or files) of reproducers to replay; default " + DEFAULT_FOLDER);
    }

    @Override
    public List<String> units(SectionContext ctx) {
        return List.of(String.join(", ", folders(ctx).stream().map(Path::toString).toList()));
    }

    private static List<Path> folders(SectionContext ctx) {
        return ctx.settings().paths("folders", List.of(DEFAULT_FOLDER));
    }

    /** @throws IOException when a folder is missing or holds no reproducer (the section could not run) */
    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) throws IOException {
        List<Path> folders = folders(ctx);
        List<Path> files = Replay.collect(folders);
        Instant start = Instant.now();
        Replay.Summary s = Replay.replay(files, ctx.target(), null, ctx.progress("reproducers", files.size())::advance);
        if (s.unavailable() != null) throw new IllegalStateException("target " + ctx.target() + " unavailable: " + s.unavailable());
        Target on = ctx.target().equals(Backends.GOLDEN) ? Target.golden() : Target.of(ctx.target());
        Path root = folders.size() == 1 ? folders.get(0) : ctx.baseDir();
        out.section(s.section(SUITE, on, root, start).withDetail(s.count(Replay.Verdict.PASS) + " of " + files.size() + " reproducers pass"));
        s.buckets().toModel().forEach(out::bucket);
    }
}
