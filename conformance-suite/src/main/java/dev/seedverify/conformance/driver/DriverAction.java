package dev.seedverify.conformance.driver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One step of a driver action script: a driver API call (or a small group of them) with its
 * arguments, naming the handles it creates and uses by label ({@code m3} an allocation, {@code k2}
 * a loaded kernel with its argument block and stack, {@code s5} a submission). A script line is
 * the verb and {@code key=value} pairs, e.g. {@code copy dst=m2 dstOff=0 src=m1 srcOff=8 len=16 as=s4};
 * {@code as=} makes a command asynchronous (submit now, wait later). A step whose label is unknown
 * when it runs (its creator was shrunk away) is skipped, so every subsequence of a script runs.
 */
public sealed interface DriverAction {

    /** The script line. */
    String line();

    record Alloc(String label, long bytes, int align) implements DriverAction {
        public String line() { return "alloc " + label + " bytes=" + bytes + " align=" + align; }
    }

    record Free(String label) implements DriverAction {
        public String line() { return "free " + label; }
    }

    /** Writes {@code len} bytes made from {@code seed} (see {@link #data}). */
    record Write(String label, int offset, int len, int seed) implements DriverAction {
        public String line() { return "write " + label + " off=" + offset + " len=" + len + " seed=" + seed; }
    }

    record Read(String label, int offset, int len) implements DriverAction {
        public String line() { return "read " + label + " off=" + offset + " len=" + len; }
    }

    record Copy(String dst, int dstOff, String src, int srcOff, int len, String as) implements DriverAction {
        public String line() { return "copy dst=" + dst + " dstOff=" + dstOff + " src=" + src + " srcOff=" + srcOff + " len=" + len + async(as); }
    }

    record Fill(String dst, int off, int len, int pattern, String as) implements DriverAction {
        public String line() { return "fill dst=" + dst + " off=" + off + " len=" + len + String.format(" pattern=0x%08x", pattern) + async(as); }
    }

    record Nop(String as) implements DriverAction {
        public String line() { return "nop" + async(as); }
    }

    /** Loads {@code kernel} and allocates its argument block and a stack of {@code stack} bytes. */
    record Load(String label, DriverKernels kernel, int stack) implements DriverAction {
        public String line() { return "load " + label + " kernel=" + kernel.name().toLowerCase(Locale.ROOT) + " stack=" + stack; }
    }

    /**
     * Launches kernel {@code label}; SUM reads all of {@code in} (its size / 4 words) and writes the
     * last word of {@code out}. {@code badPointer}: the output pointer points one past {@code out} (refused).
     */
    record Launch(String kernel, String in, String out, int budget, boolean badPointer, String as) implements DriverAction {
        public String line() {
            return "launch " + kernel + (in == null ? "" : " in=" + in) + (out == null ? "" : " out=" + out) + " budget=" + budget
                    + (badPointer ? " badPointer=true" : "") + async(as);
        }
    }

    /** Waits for submission {@code label}; {@code brief}: with a timeout of one device record. */
    record Wait(String label, boolean brief) implements DriverAction {
        public String line() { return "wait " + label + (brief ? " brief=true" : ""); }
    }

    record Finish() implements DriverAction {
        public String line() { return "finish"; }
    }

    /** Writes to an allocation of another device (refused as a foreign handle). */
    record Foreign() implements DriverAction {
        public String line() { return "foreign"; }
    }

    private static String async(String as) { return as == null ? "" : " as=" + as; }

    /** The bytes a {@link Write} with {@code seed} writes. */
    static byte[] data(int len, int seed) {
        byte[] b = new byte[len];
        int x = seed * 0x9E3779B1 + 1;
        for (int i = 0; i < len; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }

    /** Parses one script line. */
    static DriverAction parse(String line) {
        String[] t = line.trim().split("\\s+");
        String verb = t[0];
        String label = t.length > 1 && !t[1].contains("=") ? t[1] : null;
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = label == null ? 1 : 2; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("bad script line (expected key=value): " + line);
            kv.put(t[i].substring(0, eq), t[i].substring(eq + 1));
        }
        try {
            return switch (verb) {
                case "alloc" -> new Alloc(need(label, line), Long.parseLong(kv.get("bytes")), Integer.parseInt(kv.get("align")));
                case "free" -> new Free(need(label, line));
                case "write" -> new Write(need(label, line), i(kv, "off"), i(kv, "len"), i(kv, "seed"));
                case "read" -> new Read(need(label, line), i(kv, "off"), i(kv, "len"));
                case "copy" -> new Copy(kv.get("dst"), i(kv, "dstOff"), kv.get("src"), i(kv, "srcOff"), i(kv, "len"), kv.get("as"));
                case "fill" -> new Fill(kv.get("dst"), i(kv, "off"), i(kv, "len"), Integer.parseUnsignedInt(kv.get("pattern").substring(2), 16), kv.get("as"));
                case "nop" -> new Nop(kv.get("as"));
                case "load" -> new Load(need(label, line), DriverKernels.valueOf(kv.get("kernel").toUpperCase(Locale.ROOT)), i(kv, "stack"));
                case "launch" -> new Launch(need(label, line), kv.get("in"), kv.get("out"), i(kv, "budget"), Boolean.parseBoolean(kv.get("badPointer")),
                        kv.get("as"));
                case "wait" -> new Wait(need(label, line), Boolean.parseBoolean(kv.get("brief")));
                case "finish" -> new Finish();
                case "foreign" -> new Foreign();
                default -> throw new IllegalArgumentException("unknown action '" + verb + "' in: " + line);
            };
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("bad script line (missing or malformed value): " + line, e);
        }
    }

    private static String need(String label, String line) {
        if (label == null) throw new IllegalArgumentException("bad script line (no label): " + line);
        return label;
    }

    private static int i(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) throw new IllegalArgumentException("missing " + key + "=");
        return Integer.parseInt(v);
    }
}
