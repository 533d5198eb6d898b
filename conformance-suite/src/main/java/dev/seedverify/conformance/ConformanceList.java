package dev.seedverify.conformance;

import dev.seedverify.golden.asm.AssemblyException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sign-off list: {@code conformance/INDEX} on the classpath names every program
 * ({@code group/name.S  description}, one per line, {@code #} comments). {@link #load()} reads
 * INDEX, reads and assembles every listed program, and checks that INDEX and the folder agree;
 * every problem found (missing file, unlisted file, duplicate, malformed line, assembly error)
 * is reported together in one {@link InvalidListException}.
 */
public final class ConformanceList {
    /** The classpath folder of the shipped list. */
    public static final String DEFAULT_ROOT = "conformance";

    private static final Pattern LINE = Pattern.compile("^([a-z0-9_]+)/([A-Za-z0-9_.-]+)\\.S\\s+(\\S.*)$");

    private final String root;
    private final List<ConformanceProgram> programs;

    private ConformanceList(String root, List<ConformanceProgram> programs) {
        this.root = root;
        this.programs = List.copyOf(programs);
    }

    /** Thrown when the list is not usable; the message lists every problem. */
    public static final class InvalidListException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidListException(String root, List<String> problems) {
            super("conformance list '" + root + "' is invalid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() { return problems; }
    }

    /** Loads the shipped list ({@code conformance/INDEX}). */
    public static ConformanceList load() { return load(DEFAULT_ROOT); }

    /** Loads the list under classpath folder {@code root} ({@code root/INDEX} and {@code root/<group>/*.S}). */
    public static ConformanceList load(String root) {
        return load(root, ConformanceList.class.getClassLoader());
    }

    public static ConformanceList load(String root, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        String index = read(loader, root + "/INDEX");
        if (index == null) throw new InvalidListException(root, List.of(root + "/INDEX not found on the classpath"));
        List<ConformanceProgram> programs = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        String[] lines = index.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add("INDEX line " + (n + 1) + ": expected 'group/name.S  description', got '" + line + "'");
                continue;
            }
            String group = m.group(1), name = m.group(2), path = group + "/" + name + ".S";
            if (!listed.add(path)) {
                problems.add("INDEX line " + (n + 1) + ": " + path + " is listed twice");
                continue;
            }
            String source = read(loader, root + "/" + path);
            if (source == null) {
                problems.add("INDEX line " + (n + 1) + ": " + path + " is listed but " + root + "/" + path + " does not exist");
                continue;
            }
            ConformanceProgram p = new ConformanceProgram(group, name, m.group(3).strip(), source);
            try {
                p.image();
            } catch (AssemblyException e) {
                problems.add(path + " does not assemble: " + e.getMessage());
                continue;
            }
            programs.add(p);
        }
        Set<String> files = programFiles(loader, root);
        if (files != null) {
            for (String f : files) {
                if (!listed.contains(f)) problems.add(root + "/" + f + " exists but is not listed in INDEX");
            }
        }
        if (programs.isEmpty() && problems.isEmpty()) problems.add("INDEX lists no programs");
        if (!problems.isEmpty()) throw new InvalidListException(root, problems);
        return new ConformanceList(root, programs);
    }

    /** The classpath folder this list came from. */
    public String root() { return root; }

    /** Every program, in INDEX order. */
    public List<ConformanceProgram> programs() { return programs; }

    public int size() { return programs.size(); }

    /** Programs by group, groups in order of first appearance in INDEX. */
    public Map<String, List<ConformanceProgram>> groups() {
        Map<String, List<ConformanceProgram>> m = new LinkedHashMap<>();
        for (ConformanceProgram p : programs) m.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        m.replaceAll((g, l) -> Collections.unmodifiableList(l));
        return Collections.unmodifiableMap(m);
    }

    /** Programs by {@code group/name} (no {@code .S}), in INDEX order. */
    public Map<String, ConformanceProgram> byName() {
        Map<String, ConformanceProgram> m = new LinkedHashMap<>();
        for (ConformanceProgram p : programs) m.put(p.id(), p);
        return Collections.unmodifiableMap(m);
    }

    /** The program {@code group/name} (with or without {@code .S}). */
    public ConformanceProgram get(String id) {
        String key = id.endsWith(".S") ? id.substring(0, id.length() - 2) : id;
        ConformanceProgram p = byName().get(key);
        if (p == null) throw new IllegalArgumentException("no conformance program " + id + " in " + root);
        return p;
    }

    // ------------------------------------------------------------------ classpath access

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * Every {@code group/name.S} under {@code root} (one level of group folders), from a
     * directory or a jar on the classpath; null if the folder cannot be listed.
     */
    static Set<String> programFiles(ClassLoader loader, String root) {
        URL url = loader.getResource(root + "/INDEX");
        if (url == null) return null;
        Set<String> out = new TreeSet<>();
        try {
            switch (url.getProtocol()) {
                case "file" -> {
                    Path dir = Paths.get(url.toURI()).getParent();
                    try (Stream<Path> s = Files.walk(dir)) {
                        s.filter(Files::isRegularFile).forEach(f -> {
                            String rel = dir.relativize(f).toString().replace('\\', '/');
                            if (!rel.equals("INDEX")) out.add(rel);
                        });
                    }
                }
                case "jar" -> {
                    JarURLConnection c = (JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        String prefix = root + "/";
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            JarEntry je = e.nextElement();
                            if (!je.isDirectory() && je.getName().startsWith(prefix) && !je.getName().equals(prefix + "INDEX")) {
                                out.add(je.getName().substring(prefix.length()));
                            }
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
        return out;
    }
}
