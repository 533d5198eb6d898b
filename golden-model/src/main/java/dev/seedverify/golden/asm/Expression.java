package dev.seedverify.golden.asm;

/**
 * Evaluates GNU-as style expressions over 64-bit values: numbers (decimal, {@code 0x} hex,
 * {@code 0b} binary, leading-{@code 0} octal, character literals), symbols, {@code .} (the current
 * statement's address), local label references {@code 1b}/{@code 1f}, unary {@code - ~ +},
 * binary operators with gas precedence ({@code * / % << >>} over {@code | & ^} over
 * {@code + -}), parentheses, and {@code %hi %lo %pcrel_hi %pcrel_lo}.
 */
final class Expression {

    /** Thrown while evaluating when a symbol's value is not known (yet). */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String symbol;

        Unresolved(String symbol) {
            super("undefined symbol '" + symbol + "'", null, false, false);
            this.symbol = symbol;
        }
    }

    /** What expressions can refer to. */
    interface Scope {
        /** Value of a named symbol; throws {@link Unresolved} when unknown. */
        long symbol(String name);

        /** Value of local label {@code n}: the nearest definition before (or, if forward, after) here. */
        long localLabel(int n, boolean forward, String text);

        /** Address of the current statement. */
        long dot();

        /** %pcrel_hi of {@code target} at the current statement (remembered for %pcrel_lo). */
        long pcrelHi(long target);

        /** %pcrel_lo for the auipc at {@code auipcAddress}. */
        long pcrelLo(long auipcAddress, String text);
    }

    private final String text;
    private final Scope scope;
    private int pos;

    private Expression(String text, Scope scope) {
        this.text = text;
        this.scope = scope;
    }

    /** Evaluates {@code text} completely; throws {@link AsmError} on syntax errors. */
    static long evaluate(String text, Scope scope) {
        Expression e = new Expression(text, scope);
        e.skipSpace();
        if (e.atEnd()) throw new AsmError("missing expression");
        long v = e.parseSum();
        e.skipSpace();
        if (!e.atEnd()) throw new AsmError("unexpected '" + text.substring(e.pos) + "' in expression '" + text.strip() + "'");
        return v;
    }

    static long hi(long v) { return (((v & 0xFFFF_FFFFL) + 0x800) >>> 12) & 0xFFFFF; }

    static long lo(long v) { return ((int) v << 20) >> 20; }

    // sum := group (('+' | '-') group)*
    private long parseSum() {
        long v = parseGroup();
        while (true) {
            skipSpace();
            if (eat('+')) v += parseGroup();
            else if (eat('-')) v -= parseGroup();
            else return v;
        }
    }

    // group := product (('|' | '&' | '^') product)*
    private long parseGroup() {
        long v = parseProduct();
        while (true) {
            skipSpace();
            if (peekIs('|') && !peekIs2("||")) { pos++; v |= parseProduct(); }
            else if (peekIs('&') && !peekIs2("&&")) { pos++; v &= parseProduct(); }
            else if (eat('^')) v ^= parseProduct();
            else return v;
        }
    }

    // product := unary (('*' | '/' | '%' | '<<' | '>>') unary)*
    private long parseProduct() {
        long v = parseUnary();
        while (true) {
            skipSpace();
            if (eat('*')) v *= parseUnary();
            else if (peekIs('/')) {
                pos++;
                long d = parseUnary();
                if (d == 0) throw new AsmError("division by zero in '" + text.strip() + "'");
                v /= d;
            } else if (peekIs('%') && !startsWithAt("%hi", "%lo", "%pcrel")) {
                pos++;
                long d = parseUnary();
                if (d == 0) throw new AsmError("division by zero in '" + text.strip() + "'");
                v %= d;
            } else if (peekIs2("<<")) { pos += 2; v <<= parseUnary(); }
            else if (peekIs2(">>")) { pos += 2; v >>= parseUnary(); }
            else return v;
        }
    }

    private long parseUnary() {
        skipSpace();
        if (eat('-')) return -parseUnary();
        if (eat('+')) return parseUnary();
        if (eat('~')) return ~parseUnary();
        return parsePrimary();
    }

    private long parsePrimary() {
        skipSpace();
        if (atEnd()) throw new AsmError("expression '" + text.strip() + "' ends early");
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            long v = parseSum();
            skipSpace();
            if (!eat(')')) throw new AsmError("missing ')' in '" + text.strip() + "'");
            return v;
        }
        if (c == '%') return parseFunction();
        if (c == '\'') return parseChar();
        if (Character.isDigit(c)) return parseNumber();
        if (isSymbolStart(c)) {
            int start = pos;
            while (pos < text.length() && isSymbolPart(text.charAt(pos))) pos++;
            String name = text.substring(start, pos);
            if (name.equals(".")) return scope.dot();
            return scope.symbol(name);
        }
        throw new AsmError("unexpected '" + c + "' in expression '" + text.strip() + "'");
    }

    private long parseFunction() {
        int start = pos;
        pos++;
        while (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String fn = text.substring(start, pos);
        if (!fn.equals("%hi") && !fn.equals("%lo") && !fn.equals("%pcrel_hi") && !fn.equals("%pcrel_lo")) {
            throw new AsmError("unknown operator " + fn + " (known: %hi, %lo, %pcrel_hi, %pcrel_lo)");
        }
        skipSpace();
        if (!eat('(')) throw new AsmError("expected '(' after " + fn);
        int argStart = pos;
        long v = parseSum();
        String arg = text.substring(argStart, pos).strip();
        skipSpace();
        if (!eat(')')) throw new AsmError("missing ')' after " + fn + "(" + arg);
        return switch (fn) {
            case "%hi" -> hi(v);
            case "%lo" -> lo(v);
            case "%pcrel_hi" -> scope.pcrelHi(v);
            case "%pcrel_lo" -> scope.pcrelLo(v, arg);
            default -> throw new AsmError("unknown operator " + fn + " (known: %hi, %lo, %pcrel_hi, %pcrel_lo)");
        };
    }

    private long parseNumber() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String tok = text.substring(start, pos);
        String lower = tok.toLowerCase();
        // Local label references: 1b, 1f (but 0b101 is binary, 0x1f hex).
        if (isLocalLabelReference(lower)) {
            int n = Integer.parseInt(lower.substring(0, lower.length() - 1));
            return scope.localLabel(n, lower.endsWith("f"), tok);
        }
        try {
            if (lower.startsWith("0x")) return Long.parseUnsignedLong(lower.substring(2), 16);
            if (lower.startsWith("0b")) return Long.parseUnsignedLong(lower.substring(2), 2);
            if (lower.length() > 1 && lower.startsWith("0")) return Long.parseUnsignedLong(lower.substring(1), 8);
            return Long.parseUnsignedLong(lower);
        } catch (NumberFormatException e) {
            throw new AsmError("bad number '" + tok + "'");
        }
    }

    private long parseChar() {
        pos++; // opening quote
        if (atEnd()) throw new AsmError("unterminated character literal");
        int[] out = new int[1];
        pos = Strings.unescape(text, pos, out);
        eat('\''); // gas allows the closing quote to be omitted
        return out[0];
    }

    /** {@code 1b}, {@code 12f}; but {@code 0b101} is a binary number. */
    private static boolean isLocalLabelReference(String t) {
        int n = t.length();
        if (n < 2 || (t.charAt(n - 1) != 'b' && t.charAt(n - 1) != 'f')) return false;
        for (int i = 0; i < n - 1; i++) {
            if (!Character.isDigit(t.charAt(i))) return false;
        }
        return true;
    }

    private boolean startsWithAt(String... prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p, pos)) return true;
        }
        return false;
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) { return pos < text.length() && text.charAt(pos) == c; }

    private boolean peekIs2(String s) { return text.startsWith(s, pos); }

    private boolean atEnd() { return pos >= text.length(); }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    static boolean isSymbolStart(char c) { return Character.isLetter(c) || c == '_' || c == '.' || c == '$'; }

    static boolean isSymbolPart(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$'; }
}
