package dev.seedverify.cli.campaign;

import dev.seedverify.cosim.BackendProvider;
import dev.seedverify.cosim.Backends;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SettingsException;
import dev.seedverify.reports.model.Requirements;
import dev.seedverify.reports.model.Shard;
import dev.seedverify.reports.model.SkippedSection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A configuration resolved against the sections on the classpath: every unit of work in a fixed
 * order (sections by order, then target, then unit), the requirements, and the skips. The same
 * configuration and sections give the same plan, so a resumed run finds its units again and unit
 * {@code k} goes to shard {@code k mod n + 1} of {@code n} everywhere.
 */
public final class CampaignPlan {

    /** One unit: {@code unit} of {@code units} of {@code section} on {@code target}; {@code index} is its place in the plan. */
    public record Unit(int index, CampaignSection section, String target, int unit, int units, String name) {
        public String suite() { return section.suite(); }

        /** The key of the section it records: {@code <suite> on <target>}. */
        public String sectionKey() { return suite() + " on " + target; }

        /** {@code property campaign on rtl, unit 3/10 (seeds 4001..6000)} */
        public String title() { return sectionKey() + ", unit " + (unit + 1) + "/" + units + " (" + name + ")"; }
    }

    private final CampaignConfig config;
    private final List<Unit> units;
    private final Requirements requirements;
    private final List<SkippedSection> skipped;

    private CampaignPlan(CampaignConfig config, List<Unit> units, Requirements requirements, List<SkippedSection> skipped) {
        this.config = config;
        this.units = List.copyOf(units);
        this.requirements = requirements;
        this.skipped = List.copyOf(skipped);
    }

    /** Every section on the classpath ({@code META-INF/services/dev.seedverify.reports.campaign.CampaignSection}), in order. */
    public static List<CampaignSection> discover() {
        List<CampaignSection> l = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(CampaignSection.class, cl != null ? cl : CampaignPlan.class.getClassLoader()).forEach(l::add);
        l.sort(Comparator.comparingInt(CampaignSection::order).thenComparing(CampaignSection::suite));
        return l;
    }

    /**
     * Resolves {@code config} against {@code available}.
     *
     * @throws ConfigException        naming file, line and setting for an unknown suite or setting, or a bad value
     * @throws UnknownTargetException for a target no backend provides
     */
    public static CampaignPlan of(CampaignConfig config, List<CampaignSection> available) {
        Map<String, CampaignSection> bySuite = new LinkedHashMap<>();
        for (CampaignSection s : available) {
            CampaignSection other = bySuite.putIfAbsent(s.suite(), s);
            if (other != null) {
                throw new IllegalStateException("two campaign sections record suite '" + s.suite() + "': " + other.getClass().getName() + " and "
                        + s.getClass().getName());
            }
        }
        for (String t : config.targets()) checkTarget(t, config);
        List<String> run = config.run();
        if (run == null) run = available.stream().filter(CampaignSection::runByDefault).map(CampaignSection::suite).toList();
        for (String s : run) known(s, bySuite, config, "suites." + s);
        for (String s : config.suites().keySet()) known(s, bySuite, config, "suites." + s);
        for (String s : config.skip()) known(s, bySuite, config, "skip." + s);
        for (String s : config.suites().keySet()) {
            Set<String> allowed = bySuite.get(s).settings().keySet();
            for (String k : config.suite(s).settings().keySet()) {
                if (!allowed.contains(k)) {
                    String path = "suites." + s + "." + k;
                    throw new ConfigException(config.where(path) + ": " + path + ": unknown setting of " + s
                            + (allowed.isEmpty() ? " (it has none besides 'required')" : "; its settings: " + String.join(", ", allowed.stream().sorted().toList())
                            + ", required"));
                }
            }
        }

        List<CampaignSection> ordered = new ArrayList<>();
        for (CampaignSection s : available) if (run.contains(s.suite())) ordered.add(s);
        if (config.run() != null) ordered.sort(Comparator.comparingInt(s -> config.run().indexOf(s.suite())));

        List<Unit> units = new ArrayList<>();
        List<SkippedSection> skipped = new ArrayList<>();
        List<String> required = new ArrayList<>();
        // Required is what sign-off needs, whatever this run chose to run: a suite left out is missing, not excused.
        for (CampaignSection s : available) {
            Boolean r = config.suite(s.suite()).required();
            if (r == null ? s.requiredByDefault() : r) required.add(s.suite());
        }
        for (CampaignSection s : ordered) {
            List<String> targets = new ArrayList<>(new LinkedHashSet<>(s.targets(config.targets())));
            for (String t : targets) {
                List<String> names;
                try {
                    names = s.units(UnitContext.planning(t, config, s.suite()));
                } catch (SettingsException e) {
                    throw new ConfigException(config.where(e.setting()) + ": " + e.setting() + ": " + e.getMessage());
                }
                if (config.skip().contains(s.suite())) {
                    skipped.add(new SkippedSection(s.suite(), t, "skipped by " + where(config, "skip." + s.suite())));
                    continue;
                }
                for (int u = 0; u < names.size(); u++) units.add(new Unit(units.size(), s, t, u, names.size(), names.get(u)));
            }
        }
        CampaignConfig resolved = new CampaignConfig(config.source(), config.baseDir(), config.targets(),
                ordered.stream().map(CampaignSection::suite).toList(), config.suites(), config.options(), config.coverageRequired(),
                config.waivers(), config.secondsBudget(), config.skip(), config.locations());
        return new CampaignPlan(resolved, units, new Requirements(required, config.coverageRequired()), skipped);
    }

    private static String where(CampaignConfig c, String path) {
        String w = c.where(path);
        return w.startsWith("--") ? w : "the configuration (" + w + ")";
    }

    private static void known(String suite, Map<String, CampaignSection> bySuite, CampaignConfig config, String path) {
        if (!bySuite.containsKey(suite)) {
            throw new ConfigException(config.where(path) + ": " + path + ": no campaign section records suite '" + suite + "'; available: "
                    + String.join(", ", bySuite.keySet()));
        }
    }

    private static void checkTarget(String t, CampaignConfig config) {
        if (t.equals(Backends.GOLDEN)) return;
        for (BackendProvider p : Backends.providers()) if (p.provides(t)) return;
        throw new UnknownTargetException(config.where("targets") + ": no backend named '" + t + "'; available: " + String.join(", ", Backends.names()));
    }

    /** The configuration with the suites to run resolved (what a run folder keeps). */
    public CampaignConfig config() { return config; }

    /** Every unit, unsharded. */
    public List<Unit> units() { return units; }

    /** The units of {@code shard} (all of them for null): unit {@code k} belongs to shard {@code k mod n + 1}. */
    public List<Unit> units(Shard shard) {
        if (shard == null) return units;
        return units.stream().filter(u -> u.index() % shard.count() == shard.index() - 1).toList();
    }

    public Requirements requirements() { return requirements; }

    /** Suites not run on purpose ({@code skip}), one per target. */
    public List<SkippedSection> skipped() { return skipped; }

    /** A target no backend provides (exit status 2: usage). */
    public static final class UnknownTargetException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnknownTargetException(String message) { super(message); }
    }
}
