package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.mutant.SvLexer.Kind;
import dev.seedverify.rtl.mutant.SvLexer.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The automatic mutation engine over the RTL sources (the MCY idea): finds every place of a file
 * where one of the {@link MutationOperator}s applies and instruments the file so that all chosen
 * mutants live in one design, each active only while {@code s1_mut_pkg::mut_sel} equals its id
 * (0: the original design). A mutated expression {@code E} becomes
 * {@code ((s1_mut_pkg::mut_sel == 3) ? (E3) : (s1_mut_pkg::mut_sel == 7) ? (E7) : (E))}, so one
 * Verilator build serves every mutant ({@link MutantModel}).
 *
 * <p>Where: the right-hand side of every assignment ({@code assign}, blocking, non-blocking) and
 * {@code return}, and the condition of every {@code if}. Declarations ({@code localparam},
 * {@code logic x = ...}) and conditions over constants only (generate {@code if}s on parameters)
 * are left alone, because a mutant select there would not be a constant expression.
 */
public final class MutationEngine {
    /** The package the engine adds to a mutant model; {@code mut_sel} is public so the harness can write it. */
    public static final String SELECT_PACKAGE = "s1_mut_pkg";
    public static final String SELECT_FILE = SELECT_PACKAGE + ".sv";
    static final String SELECT = SELECT_PACKAGE + "::mut_sel";
    /** The select as package functions read it (Verilator refuses a package variable in a function it does not inline). */
    static final String SELECT_CALL = SELECT_PACKAGE + "::s1_mut_sel()";

    private static final Set<String> DECLARATION = Set.of("localparam", "parameter", "typedef", "wire", "reg", "logic", "int",
            "integer", "bit", "byte", "genvar", "input", "output", "inout", "var", "shortint", "longint");
    private static final Set<String> BOUNDARY = Set.of(";", "begin", "end", "else", "endcase", "endfunction", "endmodule",
            "endpackage", "endgenerate");

    private MutationEngine() {}

    /** What a span of source text is. */
    enum SpanKind { CONDITION, CONTINUOUS, BLOCKING, NONBLOCKING, RETURN }

    /**
     * One possible mutant (not yet numbered): the span {@code [spanStart, spanEnd)} of {@code file}
     * becomes {@code spanMutated}; {@code original}/{@code mutated} are the part that changed.
     */
    public record Candidate(String file, int spanStart, int spanEnd, MutationOperator operator, int line, String original,
                            String mutated, String spanMutated, String sourceLine, boolean inFunction) {}

    // ------------------------------------------------------------------ finding candidates

    /** Every candidate mutant of {@code text} (the file {@code file}), in source order. */
    public static List<Candidate> candidates(String file, String text) {
        List<Token> t = SvLexer.lex(text);
        String[] lines = text.split("\n", -1);
        List<Candidate> out = new ArrayList<>();
        int depth = 0;
        int stmtStart = 0; // index of the first token of the current statement (depth 0)
        boolean inFunction = false;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            String x = k.text();
            if (k.kind() == Kind.IDENT && x.equals("function")) inFunction = true;
            if (k.kind() == Kind.IDENT && x.equals("endfunction")) inFunction = false;
            if (k.kind() == Kind.IDENT && x.equals("if") && i + 1 < t.size() && t.get(i + 1).is("(")) {
                int close = matching(t, i + 1);
                if (close > i + 2 && !constantOnly(t, i + 2, close)) {
                    span(out, file, text, lines, t, i + 2, close, SpanKind.CONDITION, null, inFunction);
                }
                continue;
            }
            if (x.equals("(") || x.equals("[") || x.equals("{") || x.equals("'{")) { depth++; continue; }
            if (x.equals(")") || x.equals("]") || x.equals("}")) { depth--; continue; }
            if (depth != 0) continue;
            if (BOUNDARY.contains(x)) { stmtStart = i + 1; continue; }
            boolean ret = x.equals("return") && k.kind() == Kind.IDENT;
            boolean assign = k.kind() == Kind.OPERATOR && (x.equals("=") || x.equals("<="));
            if (!ret && !assign) continue;
            int semi = endOfStatement(t, i + 1);
            if (semi < 0) continue;
            boolean declaration = false, continuous = false;
            for (int j = stmtStart; j < i; j++) {
                String p = t.get(j).text();
                if (DECLARATION.contains(p)) declaration = true;
                if (p.equals("assign")) continuous = true;
            }
            if (!declaration && semi > i + 1 && !t.get(i + 1).is("'{")) {
                SpanKind kind = ret ? SpanKind.RETURN : continuous ? SpanKind.CONTINUOUS : x.equals("<=") ? SpanKind.NONBLOCKING : SpanKind.BLOCKING;
                String lhs = ret ? null : text.substring(t.get(lhsStart(t, i)).start(), k.start()).strip();
                span(out, file, text, lines, t, i + 1, semi, kind, lhs, inFunction);
            }
            i = semi;
            stmtStart = semi + 1;
        }
        return out;
    }

    /** Candidates of the span of tokens {@code [from, to)}. */
    private static void span(List<Candidate> all, String file, String text, String[] lines, List<Token> t, int from, int to,
                             SpanKind kind, String lhs, boolean inFunction) {
        List<Candidate> out = new ArrayList<>();
        int s = t.get(from).start(), e = t.get(to - 1).end();
        String span = text.substring(s, e);
        int line = t.get(from).line();
        java.util.function.IntFunction<String> src = l -> lines[l - 1].strip();
        if (kind == SpanKind.CONDITION) {
            out.add(cand(file, s, e, MutationOperator.CONDITION, line, span, "!(" + span + ")", "!(" + span + ")", src.apply(line)));
        }
        int bracket = 0;
        for (int i = from; i < to; i++) {
            Token k = t.get(i);
            String x = k.text();
            if (x.equals("[")) {
                int close = matching(t, i);
                if (close > 0 && close < to) bitSelect(out, file, text, s, e, t, i, close, src);
                bracket++;
                continue;
            }
            if (x.equals("]")) { bracket--; continue; }
            String rep = null;
            MutationOperator op = null;
            if (k.kind() == Kind.OPERATOR) {
                boolean binary = i > from && operand(t.get(i - 1));
                switch (x) {
                    case "==" -> { rep = "!="; op = MutationOperator.RELATIONAL; }
                    case "!=" -> { rep = "=="; op = MutationOperator.RELATIONAL; }
                    case "<" -> { rep = "<="; op = MutationOperator.RELATIONAL; }
                    case "<=" -> { rep = "<"; op = MutationOperator.RELATIONAL; }
                    case ">" -> { rep = ">="; op = MutationOperator.RELATIONAL; }
                    case ">=" -> { rep = ">"; op = MutationOperator.RELATIONAL; }
                    case "&&" -> { rep = "||"; op = MutationOperator.LOGICAL; }
                    case "||" -> { rep = "&&"; op = MutationOperator.LOGICAL; }
                    case "+" -> { if (binary) { rep = "-"; op = MutationOperator.ARITHMETIC; } }
                    case "-" -> { if (binary) { rep = "+"; op = MutationOperator.ARITHMETIC; } }
                    case "&" -> { if (binary) { rep = "|"; op = MutationOperator.ARITHMETIC; } }
                    case "|" -> { if (binary) { rep = "&"; op = MutationOperator.ARITHMETIC; } }
                    case "^" -> { if (binary) { rep = "|"; op = MutationOperator.ARITHMETIC; } }
                    case "<<" -> { rep = ">>"; op = MutationOperator.ARITHMETIC; }
                    case ">>" -> { rep = "<<"; op = MutationOperator.ARITHMETIC; }
                    case ">>>" -> { rep = ">>"; op = MutationOperator.ARITHMETIC; }
                    default -> { }
                }
            } else if (k.kind() == Kind.NUMBER && bracket == 0 && !replicationCount(t, i) && !castWidth(t, i)) {
                for (String v : constants(x)) {
                    out.add(cand(file, s, e, MutationOperator.CONSTANT, k.line(), x, v,
                            text.substring(s, k.start()) + v + text.substring(k.end(), e), src.apply(k.line())));
                }
                continue;
            }
            if (rep != null) {
                out.add(cand(file, s, e, op, k.line(), x, rep, text.substring(s, k.start()) + rep + text.substring(k.end(), e),
                        src.apply(k.line())));
            }
        }
        if (kind == SpanKind.NONBLOCKING) {
            out.add(cand(file, s, e, MutationOperator.DROPPED_ASSIGNMENT, line, lhs + " <= " + span, lhs + " <= " + lhs, lhs,
                    src.apply(line)));
        } else if ((kind == SpanKind.CONTINUOUS || kind == SpanKind.BLOCKING) && lhs != null && lhs.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // Not when the value already is the stuck one (a mutant equal to the original by construction).
            if (!zero(span)) out.add(cand(file, s, e, MutationOperator.STUCK_AT, line, lhs + " = " + span, lhs + " = '0", "'0", src.apply(line)));
            if (!span.strip().equals("'1")) {
                out.add(cand(file, s, e, MutationOperator.STUCK_AT, line, lhs + " = " + span, lhs + " = '1", "'1", src.apply(line)));
            }
        } else if (kind == SpanKind.RETURN && !zero(span)) {
            out.add(cand(file, s, e, MutationOperator.STUCK_AT, line, "return " + span, "return '0", "'0", src.apply(line)));
        }
        for (Candidate c : out) {
            all.add(new Candidate(c.file(), c.spanStart(), c.spanEnd(), c.operator(), c.line(), c.original(), c.mutated(), c.spanMutated(),
                    c.sourceLine(), inFunction));
        }
    }

    private static Candidate cand(String file, int s, int e, MutationOperator op, int line, String original, String mutated, String spanMutated,
                                  String sourceLine) {
        return new Candidate(file, s, e, op, line, original, mutated, spanMutated, sourceLine, false);
    }

    /** A constant index {@code [N]} or part select {@code [H:L]}: moved one bit up and one bit down. */
    private static void bitSelect(List<Candidate> out, String file, String text, int s, int e, List<Token> t, int open, int close,
                                  java.util.function.IntFunction<String> src) {
        int n = close - open - 1;
        Token a = t.get(open + 1);
        if (n == 1 && decimal(a)) {
            int v = Integer.parseInt(a.text().replace("_", ""));
            for (int d : new int[] {1, -1}) {
                if (v + d < 0) continue;
                String m = "[" + (v + d) + "]";
                out.add(cand(file, s, e, MutationOperator.BIT_SELECT, a.line(), text.substring(t.get(open).start(), t.get(close).end()), m,
                        text.substring(s, t.get(open).start()) + m + text.substring(t.get(close).end(), e), src.apply(a.line())));
            }
        } else if (n == 3 && decimal(a) && t.get(open + 2).is(":") && decimal(t.get(open + 3))) {
            int h = Integer.parseInt(a.text().replace("_", "")), l = Integer.parseInt(t.get(open + 3).text().replace("_", ""));
            for (int d : new int[] {1, -1}) {
                if (Math.min(h, l) + d < 0) continue;
                String m = "[" + (h + d) + ":" + (l + d) + "]";
                out.add(cand(file, s, e, MutationOperator.BIT_SELECT, a.line(), text.substring(t.get(open).start(), t.get(close).end()), m,
                        text.substring(s, t.get(open).start()) + m + text.substring(t.get(close).end(), e), src.apply(a.line())));
            }
        }
    }

    /** {@code '0}, {@code 0} or a sized zero literal. */
    private static boolean zero(String expr) {
        return expr.strip().matches("'0|[0-9_]*'[sS]?[bBdDhHoO]0+|0+");
    }

    private static boolean decimal(Token k) { return k.kind() == Kind.NUMBER && k.text().matches("[0-9_]+"); }

    /** The literal plus and minus one (modulo its width when sized); {@code '0 <-> '1}. */
    static List<String> constants(String lit) {
        if (lit.equals("'0")) return List.of("'1");
        if (lit.equals("'1")) return List.of("'0");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9_]*)'([sS]?)([bBdDhHoO])([0-9a-fA-F_]+)").matcher(lit);
        if (m.matches()) {
            int radix = switch (Character.toLowerCase(m.group(3).charAt(0))) { case 'b' -> 2; case 'o' -> 8; case 'd' -> 10; default -> 16; };
            BigInteger v = new BigInteger(m.group(4).replace("_", ""), radix);
            String w = m.group(1).replace("_", "");
            BigInteger mod = w.isEmpty() ? BigInteger.ONE.shiftLeft(32) : BigInteger.ONE.shiftLeft(Integer.parseInt(w));
            String prefix = m.group(1) + "'" + m.group(2) + m.group(3);
            List<String> r = new ArrayList<>();
            for (int d : new int[] {1, -1}) {
                String nv = v.add(BigInteger.valueOf(d)).mod(mod).toString(radix).toUpperCase(java.util.Locale.ROOT);
                if (radix == 2 || radix == 8 || radix == 10) nv = nv.toLowerCase(java.util.Locale.ROOT);
                String c = prefix + nv;
                if (!r.contains(c) && !c.equals(lit)) r.add(c);
            }
            return r;
        }
        if (lit.matches("[0-9_]+")) {
            long v = Long.parseLong(lit.replace("_", ""));
            return v == 0 ? List.of("1") : List.of(Long.toString(v + 1), Long.toString(v - 1));
        }
        return List.of(); // literals with x/z/? digits
    }

    private static boolean operand(Token k) {
        return k.kind() == Kind.IDENT || k.kind() == Kind.NUMBER || k.is(")") || k.is("]") || k.is("}");
    }

    /** {@code {N{...}}}: N is a replication count (changing it changes widths, not values). */
    private static boolean replicationCount(List<Token> t, int i) {
        return i > 0 && t.get(i - 1).is("{") && i + 1 < t.size() && t.get(i + 1).is("{");
    }

    /** {@code 32'(x)}: a cast's width. */
    private static boolean castWidth(List<Token> t, int i) {
        return i + 1 < t.size() && t.get(i + 1).is("'") && t.get(i + 1).start() == t.get(i).end();
    }

    /** Conditions over constants only (parameters, package constants: upper-case names) are generate-time. */
    private static boolean constantOnly(List<Token> t, int from, int to) {
        for (int i = from; i < to; i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.IDENT && !k.text().equals(k.text().toUpperCase(java.util.Locale.ROOT))) return false;
        }
        return true;
    }

    private static int matching(List<Token> t, int open) {
        int d = 0;
        for (int i = open; i < t.size(); i++) {
            String x = t.get(i).text();
            if (x.equals("(") || x.equals("[") || x.equals("{") || x.equals("'{")) d++;
            else if (x.equals(")") || x.equals("]") || x.equals("}")) {
                if (--d == 0) return i;
            }
        }
        return -1;
    }

    /** Index of the {@code ;} ending the statement that continues at {@code from}, or -1. */
    private static int endOfStatement(List<Token> t, int from) {
        int d = 0;
        for (int i = from; i < t.size(); i++) {
            String x = t.get(i).text();
            if (x.equals("(") || x.equals("[") || x.equals("{") || x.equals("'{")) d++;
            else if (x.equals(")") || x.equals("]") || x.equals("}")) d--;
            else if (d == 0 && x.equals(";")) return i;
            if (d < 0) return -1;
        }
        return -1;
    }

    /** First token of the assignment target that ends right before token {@code eq}. */
    private static int lhsStart(List<Token> t, int eq) {
        int i = eq - 1;
        while (i >= 0) {
            Token k = t.get(i);
            if (k.is("]") || k.is("}")) {
                int d = 0;
                while (i >= 0) {
                    String x = t.get(i).text();
                    if (x.equals("]") || x.equals("}")) d++;
                    else if (x.equals("[") || x.equals("{")) d--;
                    if (d == 0) break;
                    i--;
                }
                i--;
                continue;
            }
            if (k.kind() == Kind.IDENT && !BOUNDARY.contains(k.text()) && !k.is("assign")) {
                if (i > 0 && (t.get(i - 1).is(".") || t.get(i - 1).is("::"))) { i -= 2; continue; }
                return i;
            }
            return i + 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------ choosing and instrumenting

    /**
     * A deterministic sample of at most {@code max} of {@code all} (every one when there are fewer),
     * spread over the file by a seeded shuffle, returned in source order.
     */
    public static List<Candidate> sample(List<Candidate> all, int max, long seed) {
        if (all.size() <= max) return List.copyOf(all);
        List<Candidate> c = new ArrayList<>(all);
        java.util.Collections.shuffle(c, new Random(seed));
        List<Candidate> s = new ArrayList<>(c.subList(0, max));
        s.sort(Comparator.comparingInt(Candidate::spanStart).thenComparingInt(all::indexOf));
        return s;
    }

    /**
     * Numbers {@code chosen} (ids from {@code firstId}, in the given order) and instruments {@code text}
     * so that each is active only under its id.
     */
    public static Instrumented instrument(String file, String text, List<Candidate> chosen, int firstId) {
        List<AutoMutant> mutants = new ArrayList<>();
        Map<Long, List<Object[]>> bySpan = new LinkedHashMap<>();
        int id = firstId;
        for (Candidate c : chosen) {
            if (!c.file().equals(file)) throw new IllegalArgumentException("candidate of " + c.file() + " given for " + file);
            mutants.add(new AutoMutant(id, file, c.line(), c.operator(), c.original(), c.mutated(), c.sourceLine()));
            bySpan.computeIfAbsent(((long) c.spanStart() << 32) | c.spanEnd(), k -> new ArrayList<>()).add(new Object[] {id, c});
            id++;
        }
        List<Long> spans = new ArrayList<>(bySpan.keySet());
        spans.sort(Comparator.reverseOrder()); // edit from the end so earlier offsets stay valid
        StringBuilder s = new StringBuilder(text);
        boolean pkg = isPackage(text);
        int last = Integer.MAX_VALUE;
        for (long key : spans) {
            int start = (int) (key >>> 32), end = (int) key;
            if (end > last) throw new IllegalStateException("overlapping mutation spans in " + file + " at offset " + start);
            last = start;
            StringBuilder e = new StringBuilder("(");
            // Functions read the select through the DPI call: Verilator refuses an outside variable in a function it does not inline.
            String select = pkg || ((Candidate) bySpan.get(key).get(0)[1]).inFunction() ? SELECT_CALL : SELECT;
            for (Object[] m : bySpan.get(key)) {
                e.append("(").append(select).append(" == ").append(m[0]).append(") ? (").append(flat(((Candidate) m[1]).spanMutated())).append(") : ");
            }
            e.append("(").append(text, start, end).append("))");
            s.replace(start, end, e.toString());
        }
        return new Instrumented(file, s.toString(), mutants);
    }

    /**
     * The mutated copies go on the span's first line (comments out, newlines as spaces), so every
     * line of the instrumented file is the original's line: Verilator's error lines name the span.
     */
    static String flat(String s) {
        return s.replaceAll("//[^\n]*", " ").replaceAll("/\\*.*?\\*/", " ").replace('\n', ' ');
    }

    /** A file with its mutants built in. */
    public record Instrumented(String file, String text, List<AutoMutant> mutants) {}

    /** A file that is a package (its functions read the select through the DPI call). */
    static boolean isPackage(String text) {
        for (SvLexer.Token k : SvLexer.lex(text)) {
            if (k.kind() == Kind.IDENT) return k.text().equals("package");
        }
        return false;
    }

    /** The package holding the mutant select ({@value #SELECT_FILE}). */
    public static String selectPackage() {
        return "// Written by the mutation engine (dev.seedverify.rtl.mutant.MutationEngine): the mutant select.\n"
                + "// 0 is the original design; the harness writes it (s1model.h, select_mutant) before a reset.\n"
                + "package " + SELECT_PACKAGE + ";\n"
                + "  int mut_sel /* verilator public_flat_rw */;\n"
                + "  // the same value for functions (s1model_abi.cpp)\n"
                + "  import \"DPI-C\" function int s1_mut_sel();\n"
                + "endpackage\n";
    }
}
