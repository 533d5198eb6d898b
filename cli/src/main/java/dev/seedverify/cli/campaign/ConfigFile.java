package dev.seedverify.cli.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seedverify.reports.campaign.CampaignOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The campaign configuration file, YAML or JSON (JSON is read as YAML, so lines are counted the same):
 *
 * <pre>
 * targets: [rtl]                 # DUTs; golden compares the golden model with itself (never signs off)
 * seed: 1                        # first seed of generated programs and data
 * threads: 2
 * weights: default               # the program generator's weights, e.g. "alu=3,tile_compute=0"
 * budgets:
 *   directed: 5000000            # records a directed program or kernel may run
 *   random: 20000                # records a generated program may run
 *   seconds: 0                   # stop (resumable, INTERRUPTED) after this long; 0: no limit
 * coverage:
 *   target: 95                   # percent of bins sign-off needs
 *   min-hits: 10                 # bins hit fewer times are listed as rarely hit
 *   required: true               # sign-off needs coverage measured
 * waivers: waivers.yaml          # relative to this file
 * skip: []                       # suites deliberately not run: the campaign cannot sign off
 * suites:                        # the suites to run, in order (absent: every default section)
 *   conformance list:
 *   kernels: {required: true}
 *   property campaign: {programs: 20000, chunk: 2000}
 * </pre>
 *
 * Every problem is reported with the file, the line and the setting
 * ({@code campaign.yaml:7: coverage.target: must be a number from 0 to 100, got 'lots'}).
 */
public final class ConfigFile {
    static final Set<String> TOP = Set.of("base-dir", "targets", "seed", "threads", "weights", "budgets", "coverage", "waivers", "skip", "suites");
    static final Set<String> BUDGETS = Set.of("directed", "random", "seconds");
    static final Set<String> COVERAGE = Set.of("target", "min-hits", "required");
    /** Settings every suite's block may have, besides the section's own. */
    public static final String REQUIRED = "required";

    private final String name;
    private final Path baseDir;
    private final Map<String, String> locations = new LinkedHashMap<>();

    private ConfigFile(String name, Path baseDir) {
        this.name = name;
        this.baseDir = baseDir;
    }

    /** Reads {@code file}; relative paths in it are relative to its folder (or to its {@code base-dir}). */
    public static CampaignConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such configuration file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return parse(text, file.toString(), dir);
    }

    /** Parses configuration {@code text} named {@code name} (for messages), relative paths resolved against {@code dir}. */
    public static CampaignConfig parse(String text, String name, Path dir) {
        return new ConfigFile(name, dir).read(text);
    }

    private CampaignConfig read(String text) {
        Node root;
        try {
            LoaderOptions lo = new LoaderOptions();
            lo.setAllowDuplicateKeys(false);
            root = new Yaml(lo).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(name + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)) + ": not valid YAML or JSON: "
                    + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new ConfigException(name + ": not valid YAML or JSON: " + e.getMessage());
        }
        CampaignConfig d = CampaignConfig.defaults(baseDir);
        if (root == null) return new CampaignConfig(name, baseDir, d.targets(), null, Map.of(), d.options(), true, null, 0, List.of(), Map.of());
        Map<String, Node> top = mapping(root, "", TOP);

        Path base = baseDir;
        if (top.containsKey("base-dir")) base = baseDir.resolve(scalar(top.get("base-dir"), "base-dir")).normalize();
        List<String> targets = top.containsKey("targets") ? texts(top.get("targets"), "targets") : d.targets();
        if (targets.isEmpty()) throw error(top.get("targets"), "targets", "name at least one target");
        CampaignOptions o = d.options();
        long seed = top.containsKey("seed") ? integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : o.seed();
        int threads = top.containsKey("threads") ? (int) integer(top.get("threads"), "threads", 1, 256) : o.threads();
        String weights = top.containsKey("weights") ? scalar(top.get("weights"), "weights") : o.weights();
        long directed = o.directedBudget(), random = o.randomBudget(), seconds = 0;
        if (top.containsKey("budgets")) {
            Map<String, Node> b = mapping(top.get("budgets"), "budgets", BUDGETS);
            if (b.containsKey("directed")) directed = integer(b.get("directed"), "budgets.directed", 1, Long.MAX_VALUE);
            if (b.containsKey("random")) random = integer(b.get("random"), "budgets.random", 1, Long.MAX_VALUE);
            if (b.containsKey("seconds")) seconds = integer(b.get("seconds"), "budgets.seconds", 0, Long.MAX_VALUE);
        }
        double covTarget = o.coverageTarget();
        long minHits = o.coverageMinHits();
        boolean covRequired = true;
        if (top.containsKey("coverage")) {
            Map<String, Node> c = mapping(top.get("coverage"), "coverage", COVERAGE);
            if (c.containsKey("target")) covTarget = number(c.get("target"), "coverage.target", 0, 100);
            if (c.containsKey("min-hits")) minHits = integer(c.get("min-hits"), "coverage.min-hits", 0, Long.MAX_VALUE);
            if (c.containsKey("required")) covRequired = bool(c.get("required"), "coverage.required");
        }
        Path waivers = top.containsKey("waivers") ? base.resolve(scalar(top.get("waivers"), "waivers")).normalize() : null;
        List<String> skip = top.containsKey("skip") ? texts(top.get("skip"), "skip") : List.of();
        List<String> run = null;
        Map<String, CampaignConfig.Suite> suites = new LinkedHashMap<>();
        if (top.containsKey("suites")) {
            run = new ArrayList<>();
            Node sn = top.get("suites");
            if (!(sn instanceof MappingNode m)) throw error(sn, "suites", "must be a map of suite name to its settings");
            for (NodeTuple t : m.getValue()) {
                String suite = scalar(t.getKeyNode(), "suites");
                String path = "suites." + suite;
                where(path, t.getKeyNode());
                run.add(suite);
                suites.put(suite, suiteBlock(suite, t.getValueNode(), path));
            }
        }
        CampaignOptions options;
        try {
            options = new CampaignOptions(seed, threads, directed, random, weights, covTarget, minHits);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
        return new CampaignConfig(name, base, targets, run, suites, options, covRequired, waivers, seconds, skip, locations);
    }

    private CampaignConfig.Suite suiteBlock(String suite, Node n, String path) {
        if (n instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"))) {
            return new CampaignConfig.Suite(suite, null, Map.of());
        }
        if (!(n instanceof MappingNode m)) throw error(n, path, "must be a map of settings (or empty)");
        Boolean required = null;
        Map<String, Object> settings = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), path);
            String p = path + "." + key;
            where(p, t.getKeyNode());
            if (settings.containsKey(key) || key.equals(REQUIRED) && required != null) throw error(t.getKeyNode(), p, "set twice");
            Node v = t.getValueNode();
            if (key.equals(REQUIRED)) required = bool(v, p);
            else if (v instanceof SequenceNode) settings.put(key, texts(v, p));
            else settings.put(key, scalar(v, p));
        }
        return new CampaignConfig.Suite(suite, required, settings);
    }

    // ------------------------------------------------------------------ typed values

    private Map<String, Node> mapping(Node n, String path, Set<String> allowed) {
        if (!(n instanceof MappingNode m)) throw error(n, path.isEmpty() ? "(top)" : path, "must be a map of settings");
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), path);
            String p = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), p, "unknown setting; known here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (out.containsKey(key)) throw error(t.getKeyNode(), p, "set twice");
            where(p, t.getKeyNode());
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private void where(String path, Node n) { locations.put(path, name + ":" + (n.getStartMark().getLine() + 1)); }

    private String scalar(Node n, String path) {
        if (!(n instanceof ScalarNode s)) throw error(n, path, "must be a single value, not a " + (n instanceof SequenceNode ? "list" : "map"));
        return s.getValue();
    }

    private List<String> texts(Node n, String path) {
        if (n instanceof ScalarNode s) return s.getValue().isEmpty() ? List.of() : List.of(s.getValue());
        if (!(n instanceof SequenceNode q)) throw error(n, path, "must be a list of names");
        List<String> out = new ArrayList<>();
        for (Node x : q.getValue()) out.add(scalar(x, path));
        return out;
    }

    private long integer(Node n, String path, long min, long max) {
        String v = scalar(n, path);
        long x;
        try {
            x = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(n, path, "must be a whole number, got '" + v + "'");
        }
        if (x < min || x > max) throw error(n, path, "must be " + range(min, max) + ", got " + x);
        return x;
    }

    private double number(Node n, String path, double min, double max) {
        String v = scalar(n, path);
        double x;
        try {
            x = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
        } catch (NumberFormatException e) {
            throw error(n, path, "must be a number from " + fmt(min) + " to " + fmt(max) + ", got '" + v + "'");
        }
        if (!(x >= min && x <= max)) throw error(n, path, "must be a number from " + fmt(min) + " to " + fmt(max) + ", got " + v);
        return x;
    }

    private boolean bool(Node n, String path) {
        String v = scalar(n, path).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(n, path, "must be true or false, got '" + v + "'");
        };
    }

    private ConfigException error(Node n, String path, String problem) {
        String at = n == null ? name : name + ":" + (n.getStartMark().getLine() + 1);
        return new ConfigException(at + ": " + path + ": " + problem);
    }

    static String range(long min, long max) {
        if (max == Long.MAX_VALUE) return ">= " + min;
        if (min == Long.MIN_VALUE) return "<= " + max;
        return "from " + min + " to " + max;
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }

    // ------------------------------------------------------------------ writing

    /**
     * The configuration as a file of this format with every path absolute: kept in the run's folder
     * ({@code config.json}) so {@code campaign --resume} runs exactly the same campaign.
     */
    public static String write(CampaignConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base-dir", c.baseDir().toAbsolutePath().normalize().toString());
        m.put("targets", c.targets());
        m.put("seed", Long.toString(c.options().seed()));
        m.put("threads", Integer.toString(c.options().threads()));
        m.put("weights", c.options().weights());
        m.put("budgets", Map.of("directed", Long.toString(c.options().directedBudget()), "random", Long.toString(c.options().randomBudget()),
                "seconds", Long.toString(c.secondsBudget())));
        Map<String, Object> cov = new LinkedHashMap<>();
        cov.put("target", Double.toString(c.options().coverageTarget()));
        cov.put("min-hits", Long.toString(c.options().coverageMinHits()));
        cov.put("required", Boolean.toString(c.coverageRequired()));
        m.put("coverage", cov);
        if (c.waivers() != null) m.put("waivers", c.waivers().toAbsolutePath().normalize().toString());
        m.put("skip", c.skip());
        if (c.run() == null) throw new IllegalArgumentException("resolve the suites to run before writing the configuration (CampaignPlan.config())");
        {
            Map<String, Object> suites = new LinkedHashMap<>();
            for (String s : c.run()) {
                CampaignConfig.Suite b = c.suite(s);
                Map<String, Object> block = new LinkedHashMap<>();
                if (b.required() != null) block.put(REQUIRED, b.required().toString());
                block.putAll(b.settings());
                suites.put(s, block);
            }
            m.put("suites", suites);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
