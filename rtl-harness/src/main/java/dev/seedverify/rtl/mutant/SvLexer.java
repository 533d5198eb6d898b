package dev.seedverify.rtl.mutant;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer of the SystemVerilog subset the S1 RTL is written in, for the mutation engine: enough to
 * find statements, conditions and operators, with each token's offsets into the text so that edits
 * keep everything else (layout, comments, pragmas) byte for byte. Comments and whitespace are not
 * tokens.
 */
final class SvLexer {
    enum Kind { IDENT, NUMBER, OPERATOR, STRING }

    /** A token: {@code text} is {@code source.substring(start, end)}; {@code line} counts from 1. */
    record Token(Kind kind, String text, int start, int end, int line) {
        boolean is(String s) { return text.equals(s); }
    }

    /** Operators, longest first (a prefix must come after the longer operator it starts). */
    private static final String[] OPERATORS = {
            "<<<=", ">>>=", "===", "!==", "==?", "!=?", ">>>", "<<<", "<->",
            "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "->", "::", "+:", "-:", "++", "--",
            "+=", "-=", "|=", "&=", "^=", "~&", "~|", "~^", "^~", "**", "'{",
    };

    private SvLexer() {}

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0, line = 1, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') { line++; i++; continue; }
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                if (e < 0) throw new IllegalArgumentException("unterminated comment at line " + line);
                for (int k = i; k < e; k++) if (s.charAt(k) == '\n') line++;
                i = e + 2;
                continue;
            }
            int start = i;
            if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') { if (s.charAt(i) == '\\') i++; i++; }
                i++;
                out.add(new Token(Kind.STRING, s.substring(start, i), start, i, line));
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) i++;
                out.add(new Token(Kind.IDENT, s.substring(start, i), start, i, line));
                continue;
            }
            if (Character.isDigit(c) || (c == '\'' && i + 1 < n && "sSbBdDhHoO01".indexOf(s.charAt(i + 1)) >= 0
                    && !(i + 2 < n && s.charAt(i + 1) == '{'))) {
                // [size] 'base digits | '0 | '1 | decimal
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                if (i < n && s.charAt(i) == '\'' && i + 1 < n && "sSbBdDhHoO".indexOf(s.charAt(i + 1)) >= 0) {
                    i++;
                    if (s.charAt(i) == 's' || s.charAt(i) == 'S') i++;
                    i++; // base
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '?')) i++;
                } else if (i == start && s.charAt(i) == '\'') {
                    i += 2; // '0 / '1
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i, line));
                continue;
            }
            String op = String.valueOf(c);
            for (String o : OPERATORS) {
                if (s.startsWith(o, i)) { op = o; break; }
            }
            i += op.length();
            out.add(new Token(Kind.OPERATOR, op, start, i, line));
        }
        return out;
    }
}
