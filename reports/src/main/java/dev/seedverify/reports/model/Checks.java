package dev.seedverify.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Normalisation shared by the model's records: absent lists and maps become empty, text is checked. */
final class Checks {
    private Checks() {}

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** An unmodifiable copy that keeps insertion order (labels and tool versions read in the order given). */
    static Map<String, String> map(Map<String, String> m) {
        if (m == null || m.isEmpty()) return Map.of();
        Map<String, String> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k == null || v == null) throw new IllegalArgumentException("null key or value in " + m);
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
        return value;
    }

    static long nonNegative(long value, String what) {
        if (value < 0) throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        return value;
    }
}
