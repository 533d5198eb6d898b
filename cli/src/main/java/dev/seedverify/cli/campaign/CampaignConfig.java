package dev.seedverify.cli.campaign;

import dev.seedverify.reports.campaign.CampaignOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a campaign runs, from a configuration file ({@link ConfigFile}) with the command line's
 * flags applied on top ({@link #with}). Every value remembers where it came from
 * ({@link #where}: {@code campaign.yaml:12} or {@code --programs}) for error messages.
 *
 * @param source         the configuration file's name, or {@code defaults}
 * @param baseDir        the folder relative paths are resolved against
 * @param targets        the DUTs ({@code rtl}, {@code mutant:NAME}; {@code golden} compares the golden model with itself)
 * @param run            the suites to run, in the order given, or null for every section that runs by default
 * @param suites         each suite's block: whether sign-off requires it, and its own settings
 * @param options        what every section shares
 * @param coverageRequired whether sign-off needs coverage measured and met
 * @param waivers        the waiver file, or null
 * @param secondsBudget  stop (as interrupted, resumable) before starting a unit after this many seconds; 0 for no limit
 * @param skip           suites not run on purpose: recorded as skipped, so the campaign cannot sign off
 * @param locations      setting path ({@code suites.property campaign.programs}) to where it was set
 */
public record CampaignConfig(String source, Path baseDir, List<String> targets, List<String> run, Map<String, Suite> suites,
                             CampaignOptions options, boolean coverageRequired, Path waivers, long secondsBudget, List<String> skip,
                             Map<String, String> locations) {

    /** A suite's block: {@code required} (null: the section's default) and its settings (name to text or list of texts). */
    public record Suite(String name, Boolean required, Map<String, Object> settings) {
        public Suite {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    public static final long DEFAULT_DIRECTED_BUDGET = 5_000_000;
    public static final long DEFAULT_RANDOM_BUDGET = 20_000;
    /** Every bin: the spec-rule bins (issue 13) are few per rule, so a 95% target could sign off with a whole rule family never exercised. */
    public static final double DEFAULT_COVERAGE_TARGET = 100;
    public static final long DEFAULT_MIN_HITS = 10;

    public CampaignConfig {
        targets = List.copyOf(targets);
        run = run == null ? null : List.copyOf(run);
        suites = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(suites));
        skip = List.copyOf(skip);
        locations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /** The built-in defaults: the real RTL, every default section, seed 1, every coverage bin required. */
    public static CampaignConfig defaults(Path baseDir) {
        return new CampaignConfig("defaults", baseDir, List.of("rtl"), null, Map.of(),
                new CampaignOptions(1, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), DEFAULT_DIRECTED_BUDGET,
                        DEFAULT_RANDOM_BUDGET, "default", DEFAULT_COVERAGE_TARGET, DEFAULT_MIN_HITS),
                true, null, 0, List.of(), Map.of());
    }

    /** Where setting {@code path} was set, or the source (the defaults) when it was not. */
    public String where(String path) {
        String w = locations.get(path);
        if (w != null) return w;
        int dot = path.lastIndexOf('.');
        while (dot > 0) {
            w = locations.get(path.substring(0, dot));
            if (w != null) return w;
            dot = path.lastIndexOf('.', dot - 1);
        }
        return source;
    }

    /** The block of {@code suite} (empty when not configured). */
    public Suite suite(String suite) { return suites.getOrDefault(suite, new Suite(suite, null, Map.of())); }

    /** Changes made by command-line flags; each names the flag as its location. */
    public Changes with() { return new Changes(this); }

    /** A copy being changed by flags. */
    public static final class Changes {
        private String source;
        private Path baseDir;
        private List<String> targets;
        private List<String> run;
        private final Map<String, Suite> suites;
        private CampaignOptions options;
        private boolean coverageRequired;
        private Path waivers;
        private long secondsBudget;
        private final List<String> skip;
        private final Map<String, String> locations;

        private Changes(CampaignConfig c) {
            source = c.source;
            baseDir = c.baseDir;
            targets = c.targets;
            run = c.run;
            suites = new LinkedHashMap<>(c.suites);
            options = c.options;
            coverageRequired = c.coverageRequired;
            waivers = c.waivers;
            secondsBudget = c.secondsBudget;
            skip = new ArrayList<>(c.skip);
            locations = new LinkedHashMap<>(c.locations);
        }

        public Changes targets(List<String> t, String flag) { targets = t; locations.put("targets", flag); return this; }

        public Changes run(List<String> suitesToRun, String flag) { run = suitesToRun; locations.put("suites", flag); return this; }

        public Changes skip(String suite, String flag) {
            if (!skip.contains(suite)) skip.add(suite);
            locations.put("skip." + suite, flag);
            return this;
        }

        /** Sets one setting of a suite's block. */
        public Changes setting(String suite, String name, Object value, String flag) {
            Suite s = suites.getOrDefault(suite, new Suite(suite, null, Map.of()));
            Map<String, Object> m = new LinkedHashMap<>(s.settings());
            m.put(name, value);
            suites.put(suite, new Suite(suite, s.required(), m));
            locations.put("suites." + suite + "." + name, flag);
            return this;
        }

        /** Whether sign-off requires {@code suite} (null: the section's default). */
        public Changes required(String suite, Boolean required, String flag) {
            Suite s = suites.getOrDefault(suite, new Suite(suite, null, Map.of()));
            suites.put(suite, new Suite(suite, required, s.settings()));
            locations.put("suites." + suite + ".required", flag);
            return this;
        }

        public Changes coverageRequired(boolean required, String flag) {
            coverageRequired = required;
            locations.put("coverage.required", flag);
            return this;
        }

        public Changes baseDir(Path dir) { baseDir = dir; return this; }

        public Changes options(CampaignOptions o, String setting, String flag) {
            options = o;
            locations.put(setting, flag);
            return this;
        }

        public CampaignOptions options() { return options; }

        public Changes waivers(Path file, String flag) { waivers = file; locations.put("waivers", flag); return this; }

        public Changes secondsBudget(long s, String flag) { secondsBudget = s; locations.put("budgets.seconds", flag); return this; }

        public CampaignConfig done() {
            return new CampaignConfig(source, baseDir, targets, run, suites, options, coverageRequired, waivers, secondsBudget, skip, locations);
        }
    }
}
