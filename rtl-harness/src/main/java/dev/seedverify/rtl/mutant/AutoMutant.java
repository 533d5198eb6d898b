package dev.seedverify.rtl.mutant;

/**
 * One mutant of the mutation engine: a single change of one RTL file, selected at run time by
 * {@code s1_mut_pkg::mut_sel == id} in a mutant model ({@link MutantModel}).
 *
 * @param id       its select value (1..), unique in its model
 * @param file     the RTL file (e.g. {@code s1_csr.sv})
 * @param line     the source line of the change (1-based)
 * @param operator what kind of change
 * @param original the source text replaced (the expression, condition or statement part)
 * @param mutated  what replaces it
 * @param sourceLine the whole original source line, trimmed (for reports)
 */
public record AutoMutant(int id, String file, int line, MutationOperator operator, String original, String mutated, String sourceLine) {
    /** A stable name: {@code s1_csr.sv:88:RELATIONAL:12} (file, line, operator, id). */
    public String name() { return file + ":" + line + ":" + operator + ":" + id; }

    /** What was changed, in one line: {@code "a == b" -> "a != b"}. */
    public String change() { return "`" + oneLine(original) + "` -> `" + oneLine(mutated) + "`"; }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 90 ? t.substring(0, 87) + "..." : t;
    }
}
