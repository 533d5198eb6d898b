package dev.seedverify.reports;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A small JSON writer: maps, lists, strings, numbers, booleans and null, with indentation. */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.append('\n').toString();
    }

    private static void write(StringBuilder s, Object v, int indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            quote(s, str);
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                s.append("{}");
                return;
            }
            s.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                pad(s, indent + 1);
                quote(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), indent + 1);
                s.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                s.append("[]");
                return;
            }
            s.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(s, indent + 1);
                write(s, l.get(i), indent + 1);
                s.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append(']');
        } else {
            quote(s, v.toString());
        }
    }

    private static void pad(StringBuilder s, int indent) { s.append("  ".repeat(indent)); }

    private static void quote(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
