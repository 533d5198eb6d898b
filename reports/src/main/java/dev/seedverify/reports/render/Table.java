package dev.seedverify.reports.render;

import java.util.ArrayList;
import java.util.List;

/** A table for the text and Markdown reports: aligned columns, or a Markdown table with escaped cells. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) { this.header = List.of(header); }

    Table row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + header.size());
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(c == null ? "-" : String.valueOf(c));
        rows.add(r);
        return this;
    }

    boolean isEmpty() { return rows.isEmpty(); }

    /** Plain text, two spaces between columns, indented by {@code indent}. */
    String text(String indent) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], oneLine(r.get(i)).length());
        StringBuilder s = new StringBuilder();
        line(s, indent, header, w);
        for (List<String> r : rows) line(s, indent, r, w);
        return s.toString();
    }

    private static void line(StringBuilder s, String indent, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder(indent);
        for (int i = 0; i < w.length; i++) {
            String c = oneLine(cells.get(i));
            l.append(c);
            if (i + 1 < w.length) l.append(" ".repeat(w[i] - c.length() + 2));
        }
        s.append(l.toString().stripTrailing()).append('\n');
    }

    String markdown() {
        StringBuilder s = new StringBuilder("|");
        for (String h : header) s.append(' ').append(Markdown.cell(h)).append(" |");
        s.append("\n|");
        for (int i = 0; i < header.size(); i++) s.append("---|");
        s.append('\n');
        for (List<String> r : rows) {
            s.append('|');
            for (String c : r) s.append(' ').append(Markdown.cell(c)).append(" |");
            s.append('\n');
        }
        return s.toString();
    }

    static String oneLine(String s) { return s.replace("\r", "").replace('\n', ' '); }
}
