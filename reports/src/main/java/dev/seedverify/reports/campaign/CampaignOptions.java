package dev.seedverify.reports.campaign;

/**
 * Settings every section of a campaign shares.
 *
 * @param seed            the first seed of generated programs and data
 * @param threads         worker threads a unit may use
 * @param directedBudget  records a directed program or kernel may run before it counts as hung
 * @param randomBudget    records a generated program may run before it counts as hung
 * @param weights         the program generator's weights ({@code default} or a spec such as {@code alu=3,xseed=0})
 * @param coverageTarget  the share of coverage bins sign-off needs, 0..100
 * @param coverageMinHits bins hit fewer times than this are listed as rarely hit
 */
public record CampaignOptions(long seed, int threads, long directedBudget, long randomBudget, String weights,
                              double coverageTarget, long coverageMinHits) {
    public CampaignOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (directedBudget < 1 || randomBudget < 1) throw new IllegalArgumentException("budgets must be >= 1 record");
        if (!(coverageTarget >= 0 && coverageTarget <= 100)) throw new IllegalArgumentException("coverage target must be 0..100, got " + coverageTarget);
        if (coverageMinHits < 0) throw new IllegalArgumentException("coverage minimum hits must be >= 0");
        if (weights == null || weights.isBlank()) weights = "default";
    }
}
