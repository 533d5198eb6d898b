package dev.seedverify.reports.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Escaping for HTML text and attributes, and links that can only point at files. */
final class Html {
    private Html() {}

    /** Text or attribute value: {@code & < > " '} become entities; characters HTML forbids become U+FFFD. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\r' -> { }
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /**
     * An {@code href} for a file the report names (a waveform, a reproducer), or null when the text
     * is not a plain path: only file paths become links, never {@code javascript:} or other schemes.
     */
    static String fileHref(String path) {
        if (path == null || path.isBlank()) return null;
        if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !path.matches("^[A-Za-z]:[\\\\/].*")) return null;
        try {
            Path p = Path.of(path);
            if (p.isAbsolute()) return p.toUri().toASCIIString();
            return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
        } catch (InvalidPathException | URISyntaxException e) {
            return null;
        }
    }

    /** A CSS-safe id fragment for anchors. */
    static String id(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(Character.isLetterOrDigit(c) && c < 0x80 ? Character.toLowerCase(c) : '-');
        return b.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
    }
}
