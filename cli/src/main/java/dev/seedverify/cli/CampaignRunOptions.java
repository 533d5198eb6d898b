package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignConfig;
import dev.seedverify.reports.campaign.CampaignOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of the commands that start a campaign run ({@code campaign}, {@code mutants}) that
 * mean the same in each: where the run folders go and the first seed. A {@code @Mixin}, so a
 * command cannot take them with another name, default or help text.
 */
final class CampaignRunOptions {
    @Option(names = "--seed", paramLabel = "N", description = "the first seed")
    Long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports-out", description = "where runs/<id>/ and latest go (default: ${DEFAULT-VALUE})")
    Path out;

    /** Puts {@code --seed}, when given, over the configuration's seed. */
    void seedOver(CampaignConfig.Changes c) {
        if (seed == null) return;
        CampaignOptions x = c.options();
        c.options(new CampaignOptions(seed, x.threads(), x.directedBudget(), x.randomBudget(), x.weights(), x.coverageTarget(),
                x.coverageMinHits()), "seed", "--seed");
    }
}
