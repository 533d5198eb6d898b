package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.mutants.DriverBugCampaign;
import dev.seedverify.driver.DriverBug;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Every injected driver bug is caught by the driver properties (the plain model or the bus
 * monitor) in the default campaign on the golden device, and shrunk to at most six actions that
 * pass with the correct driver (issue 10).
 */
class DriverBugsTest {

    @Test
    void everyInjectedDriverBugIsCaughtAndShrunkToAtMostSixActions() {
        DriverBugCampaign.Result r = DriverBugCampaign.run(DriverBugCampaign.Config.defaults().withOut(Path.of("target", "driver-bugs")), System.out::println);
        System.out.print(r.text());
        assertThat(r.bugs()).hasSize(DriverBug.values().length);
        assertThat(DriverBug.values()).hasSizeGreaterThanOrEqualTo(8);
        for (DriverBugCampaign.BugResult b : r.bugs()) {
            assertThat(b.detected()).as(b.bug().id() + " detected").isTrue();
            assertThat(b.shrunkActions()).as(b.bug().id() + " shrunk:\n" + b.reproducer().text()).isLessThanOrEqualTo(DriverBugCampaign.TARGET_MAX_ACTIONS);
            assertThat(b.correctPasses()).as(b.bug().id() + ": the shrunk script passes with the correct driver").isTrue();
        }
        assertThat(r.allTargetsMet()).isTrue();
    }
}
