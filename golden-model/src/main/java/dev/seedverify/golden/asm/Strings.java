package dev.seedverify.golden.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Lexical helpers: comments, statement separators, operand lists, string and character literals. */
final class Strings {
    private Strings() {}

    /**
     * Replaces comments by spaces, keeping line breaks: {@code /* ... *&#47;} (may span lines), and
     * {@code #} or {@code //} to the end of the line. Quotes are respected.
     */
    static String stripComments(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipQuoted(src, i);
                sb.append(src, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                if (end < 0) end = n - 2;
                for (int k = i; k < end + 2 && k < n; k++) sb.append(src.charAt(k) == '\n' ? '\n' : ' ');
                i = end + 2;
            } else if (c == '#' || (c == '/' && i + 1 < n && src.charAt(i + 1) == '/')) {
                while (i < n && src.charAt(i) != '\n') i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Index just after the quoted literal starting at {@code start} (or the line's end if unterminated). */
    static int skipQuoted(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != '\n') {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) return i + 1;
            if (q == '\'' && i == start + 2) return i; // 'a without closing quote
            i++;
        }
        return Math.min(i, s.length());
    }

    /** Splits {@code s} at {@code sep} outside quotes and parentheses. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(s, i);
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /**
     * Decodes one possibly escaped character of a literal at {@code pos} into {@code out[0]} and
     * returns the index after it. Escapes: {@code \n \t \r \b \f \v \a \e \\ \' \"}, {@code \xHH},
     * octal {@code \NNN}.
     */
    static int unescape(String s, int pos, int[] out) {
        char c = s.charAt(pos);
        if (c != '\\') {
            out[0] = c;
            return pos + 1;
        }
        if (pos + 1 >= s.length()) throw new AsmError("unterminated escape sequence");
        char e = s.charAt(pos + 1);
        int next = pos + 2;
        switch (e) {
            case 'n' -> out[0] = '\n';
            case 't' -> out[0] = '\t';
            case 'r' -> out[0] = '\r';
            case 'b' -> out[0] = '\b';
            case 'f' -> out[0] = '\f';
            case 'v' -> out[0] = 0x0B;
            case 'a' -> out[0] = 0x07;
            case 'e' -> out[0] = 0x1B;
            case 'x', 'X' -> {
                int v = 0;
                int k = next;
                while (k < s.length() && Character.digit(s.charAt(k), 16) >= 0) v = v * 16 + Character.digit(s.charAt(k++), 16);
                if (k == next) throw new AsmError("\\x used with no following hex digits");
                out[0] = v & 0xFF;
                next = k;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = 0;
                    int k = pos + 1;
                    while (k < s.length() && k < pos + 4 && s.charAt(k) >= '0' && s.charAt(k) <= '7') v = v * 8 + (s.charAt(k++) - '0');
                    out[0] = v & 0xFF;
                    next = k;
                } else {
                    out[0] = e;
                }
            }
        }
        return next;
    }

    /** The bytes of a string literal {@code "..."} (UTF-8 for non-ASCII characters). */
    static byte[] stringLiteral(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"' || skipQuoted(t, 0) != t.length()) {
            throw new AsmError("expected a string literal \"...\", got '" + t + "'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] ch = new int[1];
        int i = 1;
        while (i < t.length() - 1) {
            boolean escaped = t.charAt(i) == '\\';
            i = unescape(t, i, ch);
            if (!escaped && ch[0] > 0x7F) {
                byte[] utf8 = String.valueOf((char) ch[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            } else {
                out.write(ch[0]);
            }
        }
        return out.toByteArray();
    }
}
