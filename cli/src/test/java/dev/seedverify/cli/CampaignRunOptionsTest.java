package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignPlan;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code campaign} and {@code mutants} take the shared run options with one name, help text and meaning. */
class CampaignRunOptionsTest {

    @Test
    void campaignAndMutantsTakeTheSharedOptionsWithTheSameMeaning() {
        CampaignCommand campaign = new CampaignCommand();
        MutantsCommand mutants = new MutantsCommand();
        CommandLine cc = new CommandLine(campaign), mc = new CommandLine(mutants);
        for (OptionSpec shared : new CommandLine(new CampaignRunOptions()).getCommandSpec().options()) {
            for (CommandLine c : List.of(cc, mc)) {
                OptionSpec o = c.getCommandSpec().findOption(shared.longestName());
                assertThat(o).as(c.getCommandName() + " " + shared.longestName()).isNotNull();
                assertThat(o.names()).isEqualTo(shared.names());
                assertThat(o.description()).isEqualTo(shared.description());
                assertThat(o.defaultValue()).isEqualTo(shared.defaultValue());
            }
        }

        String[] args = {"--seed", "42", "-o", "somewhere"};
        cc.parseArgs(args);
        mc.parseArgs(args);
        assertThat(campaign.configuration().options().seed()).isEqualTo(42);
        assertThat(mutants.configuration(CampaignPlan.discover()).options().seed()).isEqualTo(42);
        assertThat(campaign.run.out).isEqualTo(mutants.run.out).isEqualTo(Path.of("somewhere"));
    }
}
