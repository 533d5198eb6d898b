package dev.seedverify.reports.signoff;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a waiver file: YAML (JSON, being YAML, is read too), one list under {@code waivers}:
 * <pre>
 * waivers:
 *   - id: W-12
 *     bucket: "mulh | rd_wdata | -"      # or  rule: "tquant | * | *"
 *     reason: "RTL issue 41: MULH sign of the high word; fix in RTL 1.3"
 *     owner: alice@example.com
 *     expires: 2027-01-31                # the last day it applies
 * </pre>
 * Every problem is reported, each as {@code file:line: waiver 'id': field: what is wrong}.
 */
public final class Waivers {
    static final Set<String> FIELDS = Set.of("id", "bucket", "rule", "reason", "owner", "expires");

    private Waivers() {}

    public static List<Waiver> load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new WaiverFileException(List.of(file + ": no such waiver file"));
        } catch (MalformedInputException e) {
            throw new WaiverFileException(List.of(file + ": not UTF-8 text"));
        }
        return parse(text, file.toString());
    }

    /** Parses waiver file text; {@code source} names it in messages. */
    public static List<Waiver> parse(String text, String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new WaiverFileException(List.of(at(source, m) + ": not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new WaiverFileException(List.of(source + ": not valid YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null) throw new WaiverFileException(List.of(source + ": empty; expected a 'waivers' list (may be empty: 'waivers: []')"));
        if (!(root instanceof MappingNode top)) {
            throw new WaiverFileException(List.of(at(source, root.getStartMark()) + ": expected a mapping with a 'waivers' list"));
        }
        Node list = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            if ("waivers".equals(key)) list = t.getValueNode();
            else problems.add(at(source, t.getKeyNode().getStartMark()) + ": unknown key '" + key + "' (only 'waivers')");
        }
        if (list == null) {
            problems.add(source + ": no 'waivers' list");
            throw new WaiverFileException(problems);
        }
        List<Waiver> waivers = new ArrayList<>();
        if (list instanceof SequenceNode seq) {
            Map<String, String> seen = new HashMap<>();
            int index = 0;
            for (Node item : seq.getValue()) {
                index++;
                Waiver w = waiver(item, index, source, problems);
                if (w == null) continue;
                String first = seen.putIfAbsent(w.id(), w.source());
                if (first != null) problems.add(w.source() + ": waiver '" + w.id() + "': id already used at " + first);
                else waivers.add(w);
            }
        } else if (!(list instanceof ScalarNode s && s.getValue().isEmpty())) {
            problems.add(at(source, list.getStartMark()) + ": 'waivers' must be a list");
        }
        if (!problems.isEmpty()) throw new WaiverFileException(problems);
        return List.copyOf(waivers);
    }

    private static Waiver waiver(Node item, int index, String source, List<String> problems) {
        String where = at(source, item.getStartMark());
        if (!(item instanceof MappingNode m)) {
            problems.add(where + ": waiver " + index + ": expected a mapping of id, bucket or rule, reason, owner, expires");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Mark> marks = new HashMap<>();
        int before = problems.size();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            Mark km = t.getKeyNode().getStartMark();
            if (key == null) {
                problems.add(at(source, km) + ": waiver " + index + ": a field name must be plain text");
                continue;
            }
            if (!FIELDS.contains(key)) {
                problems.add(at(source, km) + ": waiver " + index + ": unknown field '" + key + "' (fields: id, bucket, rule, reason, owner, expires)");
                continue;
            }
            String v = scalar(t.getValueNode());
            if (v == null) {
                problems.add(at(source, t.getValueNode().getStartMark()) + ": waiver " + index + ": '" + key + "' must be a single value");
                continue;
            }
            values.put(key, v.strip());
            marks.put(key, t.getValueNode().getStartMark());
        }
        String id = values.get("id");
        String name = id == null || id.isEmpty() ? "waiver " + index : "waiver '" + id + "'";
        for (String f : List.of("id", "reason", "owner", "expires")) {
            String v = values.get(f);
            if (v == null) problems.add(where + ": " + name + ": missing '" + f + "'");
            else if (v.isEmpty()) problems.add(at(source, marks.get(f)) + ": " + name + ": '" + f + "' is empty");
        }
        String bucket = values.get("bucket"), rule = values.get("rule");
        if (bucket == null && rule == null) problems.add(where + ": " + name + ": needs 'bucket' (a signature) or 'rule' (a glob)");
        if (bucket != null && rule != null) problems.add(at(source, marks.get("rule")) + ": " + name + ": give 'bucket' or 'rule', not both");
        if (bucket != null && bucket.isEmpty()) problems.add(at(source, marks.get("bucket")) + ": " + name + ": 'bucket' is empty");
        if (rule != null && rule.isEmpty()) problems.add(at(source, marks.get("rule")) + ": " + name + ": 'rule' is empty");
        LocalDate expires = null;
        String e = values.get("expires");
        if (e != null && !e.isEmpty()) {
            try {
                expires = LocalDate.parse(e);
            } catch (DateTimeParseException x) {
                problems.add(at(source, marks.get("expires")) + ": " + name + ": 'expires' must be a date YYYY-MM-DD, got '" + e + "'");
            }
        }
        if (problems.size() > before) return null;
        return new Waiver(id, bucket, rule, values.get("reason"), values.get("owner"), expires, where);
    }

    private static String scalar(Node n) { return n instanceof ScalarNode s ? s.getValue() : null; }

    private static String at(String source, Mark m) { return m == null ? source : source + ":" + (m.getLine() + 1); }
}
