package dev.seedverify.reports.render;

/** Escaping for Markdown: text in cells and paragraphs, and fenced code that no content can close. */
final class Markdown {
    private Markdown() {}

    /** Text that renders as itself: Markdown's punctuation escaped, HTML made inert. */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~', '{', '}' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table cell: one line of escaped text. */
    static String cell(String s) { return text(Table.oneLine(s)); }

    /** A fenced block whose fence is longer than any run of backticks inside. */
    static String code(String content) {
        int longest = 0, run = 0;
        for (char c : content.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + content.stripTrailing() + "\n" + fence + "\n";
    }
}
