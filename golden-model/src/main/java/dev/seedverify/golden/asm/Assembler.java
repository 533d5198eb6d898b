package dev.seedverify.golden.asm;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.golden.isa.Tiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-pass assembler for small SeedChip S1 test programs (RV32IM + Zicsr + Xseed), driven by the
 * {@link Instruction} table and the {@linkplain Disassembler#aliases() alias table}: every table
 * instruction in its syntax, every alias the disassembler prints (so disassembly re-assembles), and
 * the usual pseudo-instructions ({@code li la lla call tail unimp}, {@code bgt ble bgtu bleu},
 * {@code rdcycle}...).
 *
 * <p>The program is one flat image laid out in source order from the base address (section
 * directives just continue it). Branch and jump operands are labels or absolute addresses; the
 * assembler computes the pc-relative offset. Errors are {@link AssemblyException}s naming the
 * source, line and the exact problem.
 *
 * <p>Directives: {@code .byte .half .short .2byte .word .long .4byte .int .dword .quad .8byte
 * .ascii .asciz .string .align .p2align .balign .space .zero .skip .fill .equ .set .equiv} and
 * {@code name = value}; {@code .text .data .bss .rodata .section .globl .global .local .weak .type
 * .size .option .file .ident .attribute .cfi_*} are accepted and ignored; {@code .end} stops.
 * {@code .align n} is 2<sup>n</sup> bytes (RISC-V gas) and pads with zeros.
 *
 * <p>{@code li rd, value} is one instruction (addi, or lui when the low 12 bits are 0) when the
 * value is a constant known where it is used, else lui + addi (as GNU as: an address, i.e. an
 * expression with a label or {@code .}, is always lui + addi). {@code la}/{@code lla}/{@code call}/
 * {@code tail} are always auipc + second instruction (tail uses t1).
 */
public final class Assembler {

    private static final Pattern LABEL = Pattern.compile("^([A-Za-z_.$][A-Za-z0-9_.$]*|[0-9]+)\\s*:(?!:)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_.$][A-Za-z0-9_.$]*)\\s*=(?!=)(.*)$");
    private static final Pattern OBJDUMP_TARGET = Pattern.compile("([0-9a-f]+)(\\s*<[^>]*>)?");
    private static final Pattern X_REGISTER = Pattern.compile("x[0-9]+");
    private static final Pattern TILE_REGISTER = Pattern.compile("m([0-9]+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_.$][A-Za-z0-9_.$]*");
    private static final Set<String> IGNORED = Set.of(".text", ".data", ".bss", ".rodata", ".sdata", ".sbss",
            ".section", ".previous", ".pushsection", ".popsection", ".globl", ".global", ".local", ".weak",
            ".hidden", ".type", ".size", ".option", ".file", ".ident", ".attribute");

    /** One way to write an instruction: a table syntax or an alias. */
    private record Form(String mnemonic, String syntax, Instruction insn, Map<String, Integer> fixed, List<Part> parts) {
        String describe() { return syntax.isEmpty() ? mnemonic : mnemonic + " " + syntax; }
    }

    /** One comma-separated piece of a syntax: {@code outer}, {@code outer(inner)} or {@code (inner)}. */
    private record Part(String outer, String inner) {}

    private static final Map<String, List<Form>> FORMS = new HashMap<>();

    static {
        for (Instruction insn : Instruction.all()) {
            addForm(insn.mnemonic(), insn.syntax(), insn, Map.of());
        }
        for (Disassembler.Alias a : Disassembler.aliases()) {
            addForm(a.mnemonic(), a.syntax(), a.instruction(), a.fixed());
        }
    }

    private Assembler() {}

    /** Assembles {@code source} at {@link Memory#BASE}; {@code name} is used in messages and as the image name. */
    public static ElfImage assemble(String source, String name) {
        return assemble(source, name, Memory.BASE);
    }

    /**
     * Assembles {@code source} at {@code baseAddress} into one segment. The entry is the symbol
     * {@code _start} if defined, else the base. The symbols are all labels (except numeric local
     * labels and {@code .L} labels) and {@code .equ}/{@code .set} symbols (final values).
     *
     * @throws AssemblyException listing every error found
     */
    public static ElfImage assemble(String source, String name, int baseAddress) {
        Run run = new Run(source, name, baseAddress, false);
        byte[] bytes = run.assemble();
        Map<String, Integer> symbols = run.symbols();
        int entry = symbols.getOrDefault("_start", baseAddress);
        List<ElfImage.LoadSegment> segments = bytes.length == 0 ? List.of()
                : List.of(new ElfImage.LoadSegment(baseAddress, bytes, bytes.length));
        return new ElfImage(name, entry, segments, symbols);
    }

    /** Assembles a classpath resource (e.g. {@code "/programs/loop.S"}) at {@link Memory#BASE}. */
    public static ElfImage assembleResource(String classpathResource) {
        return assembleResource(classpathResource, Memory.BASE);
    }

    /** Assembles a classpath resource at {@code baseAddress}; the resource name is the source name. */
    public static ElfImage assembleResource(String classpathResource, int baseAddress) {
        String path = classpathResource.startsWith("/") ? classpathResource : "/" + classpathResource;
        try (InputStream in = Assembler.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("resource " + path + " not found on the classpath");
            return assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8), classpathResource, baseAddress);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + path, e);
        }
    }

    /**
     * The words of the statement(s) in {@code source} assembled at {@code pc} (e.g.
     * {@code "beq a0, a1, 0x80000010"} or {@code "li a0, 0x12345678"}, which gives two words).
     */
    public static int[] assembleInstruction(String source, int pc) {
        return words(new Run(source, "<instruction>", pc, false).assemble());
    }

    /**
     * Assembles one line of {@link Disassembler} (or objdump) output at {@code pc}: like the assembler,
     * but a branch or jump target written as bare hex digits is an address in hex (objdump's
     * {@code 80000010}), optionally followed by {@code <symbol>}. {@code .word 0x...} gives that word.
     * So {@code reassemble(Disassembler.disassemble(w, pc), pc) == w} for every word.
     */
    public static int reassemble(String disassembly, int pc) {
        int[] w = words(new Run(disassembly, "<disassembly>", pc, true).assemble());
        if (w.length != 1) {
            throw new IllegalArgumentException("'" + disassembly + "' is " + w.length + " words, not one");
        }
        return w[0];
    }

    private static int[] words(byte[] b) {
        if (b.length % 4 != 0) throw new IllegalArgumentException(b.length + " bytes is not a whole number of words");
        int[] w = new int[b.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (b[4 * i + 3] & 0xFF) << 24;
        }
        return w;
    }

    private static void addForm(String mnemonic, String syntax, Instruction insn, Map<String, Integer> fixed) {
        List<Part> parts = new ArrayList<>();
        if (!syntax.isBlank()) {
            for (String p : syntax.split(",")) {
                p = p.strip();
                int open = p.indexOf('(');
                if (open < 0) {
                    parts.add(new Part(p, null));
                } else {
                    String outer = p.substring(0, open).strip();
                    parts.add(new Part(outer.isEmpty() ? null : outer, p.substring(open + 1, p.indexOf(')')).strip()));
                }
            }
        }
        FORMS.computeIfAbsent(mnemonic, k -> new ArrayList<>()).add(new Form(mnemonic, syntax, insn, fixed, List.copyOf(parts)));
    }

    static boolean looksLikeRegister(String text) {
        String t = text.strip();
        if (Gpr.parse(t) >= 0) return true;
        t = t.toLowerCase(Locale.ROOT);
        if (Gpr.parse(t) >= 0) return true;
        if (t.length() < 2 || (t.charAt(0) != 'x' && t.charAt(0) != 'm')) return false;
        for (int i = 1; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        }
        return true;
    }

    /** One statement: labels and at most one directive or instruction. */
    private static final class Stmt {
        final int index;
        final int line;
        final String lineText;
        final List<String> labels;
        final String mnemonic;
        final List<String> args;
        long address;
        int size;
        boolean failed;

        Stmt(int index, int line, String lineText, List<String> labels, String mnemonic, List<String> args) {
            this.index = index;
            this.line = line;
            this.lineText = lineText;
            this.labels = labels;
            this.mnemonic = mnemonic;
            this.args = args;
        }
    }

    private record Label(long address, int line) {}

    /** One .equ/.set definition. */
    private static final class EquDef {
        final String name;
        final int stmtIndex;
        final String expr;
        final int line;
        Long value;
        boolean usesAddress;
        boolean evaluating;

        EquDef(String name, int stmtIndex, String expr, int line) {
            this.name = name;
            this.stmtIndex = stmtIndex;
            this.expr = expr;
            this.line = line;
        }
    }

    /** The state of one assembly. */
    private static final class Run implements Expression.Scope {
        final String name;
        final long base;
        final boolean objdumpTargets;
        final List<Stmt> stmts = new ArrayList<>();
        final Map<String, Label> labels = new LinkedHashMap<>();
        final Map<String, List<EquDef>> equs = new LinkedHashMap<>();
        final Map<Integer, List<long[]>> locals = new HashMap<>();
        final Map<Long, Long> pcrelTargets = new HashMap<>();
        final List<AssemblyException.Diagnostic> errors = new ArrayList<>();
        int pass;
        Stmt cur;
        boolean emitting;
        ByteArrayOutputStream out;
        long count;
        /** Whether an evaluation used an address (a label, a local label or '.'), like a relocation in GNU as. */
        boolean usedAddress;

        Run(String source, String name, int base, boolean objdumpTargets) {
            this.name = name;
            this.base = Integer.toUnsignedLong(base);
            this.objdumpTargets = objdumpTargets;
            parse(source);
        }

        // ---------------------------------------------------------------- source to statements

        private void parse(String source) {
            boolean multiLine = source.indexOf('\n') >= 0;
            String[] original = multiLine ? source.split("\r?\n", -1) : new String[] {source};
            String stripped = Strings.stripComments(multiLine ? source.replace("\r\n", "\n") : source);
            String[] lines = multiLine ? stripped.split("\n", -1) : new String[] {stripped};
            for (int ln = 0; ln < lines.length; ln++) {
                String text = ln < original.length ? original[ln] : "";
                for (String piece : Strings.splitTopLevel(lines[ln], ';')) {
                    try {
                        parseStatement(piece, ln + 1, text);
                    } catch (AsmError e) {
                        errors.add(new AssemblyException.Diagnostic(name, ln + 1, text, e.getMessage()));
                    }
                }
            }
        }

        private void parseStatement(String piece, int line, String text) {
            String rest = piece.strip();
            List<String> labels = new ArrayList<>();
            Matcher m;
            while (rest.indexOf(':') >= 0 && (m = LABEL.matcher(rest)).find()) {
                labels.add(m.group(1));
                rest = rest.substring(m.end()).strip();
            }
            if (rest.isEmpty()) {
                if (!labels.isEmpty()) stmts.add(new Stmt(stmts.size(), line, text, labels, null, List.of()));
                return;
            }
            Matcher assign = rest.indexOf('=') >= 0 ? ASSIGNMENT.matcher(rest) : null;
            if (assign != null && assign.matches()) {
                stmts.add(new Stmt(stmts.size(), line, text, labels, ".set", List.of(assign.group(1), assign.group(2).strip())));
                return;
            }
            int sp = 0;
            while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) sp++;
            String mnemonic = rest.substring(0, sp).toLowerCase(Locale.ROOT);
            String operands = rest.substring(sp).strip();
            List<String> args = new ArrayList<>();
            if (!operands.isEmpty()) {
                for (String a : Strings.splitTopLevel(operands, ',')) args.add(a.strip());
            }
            stmts.add(new Stmt(stmts.size(), line, text, labels, mnemonic, args));
        }

        // ---------------------------------------------------------------- passes

        byte[] assemble() {
            if (!errors.isEmpty()) throw new AssemblyException(errors);
            // Pass 1: addresses and sizes.
            pass = 1;
            emitting = false;
            count = 0;
            for (Stmt s : stmts) {
                cur = s;
                s.address = base + count;
                for (String l : s.labels) {
                    try {
                        defineLabel(l, s);
                    } catch (AsmError e) {
                        error(s, e.getMessage());
                    }
                }
                if (s.mnemonic == null) continue;
                long before = count;
                try {
                    if (process(s)) break;
                } catch (AsmError | Expression.Unresolved e) {
                    error(s, e.getMessage());
                    s.failed = true;
                }
                s.size = (int) (count - before);
            }
            if (count > (1L << 32) - base) {
                error(stmts.get(stmts.size() - 1), String.format("program of %d bytes at 0x%08x runs past the end of the address space", count, base));
                throw new AssemblyException(errors);
            }
            // Pass 2: values and bytes.
            pass = 2;
            emitting = true;
            out = new ByteArrayOutputStream((int) count);
            count = 0;
            for (List<EquDef> defs : equs.values()) {
                for (EquDef d : defs) d.value = null;
            }
            for (Stmt s : stmts) {
                cur = s;
                if (s.mnemonic == null) continue;
                if (s.failed) {
                    while (base + count < s.address + s.size) emit(0, 1);
                    continue;
                }
                if (base + count != s.address) throw new IllegalStateException("pass 2 out of step at line " + s.line);
                try {
                    if (process(s)) break;
                    if (base + count != s.address + s.size) {
                        throw new IllegalStateException("line " + s.line + ": pass 2 size " + (base + count - s.address)
                                + " differs from pass 1 size " + s.size);
                    }
                } catch (AsmError | Expression.Unresolved e) {
                    error(s, e.getMessage());
                    while (base + count < s.address + s.size) emit(0, 1);
                }
            }
            // Every .equ symbol must have a value (they are exported as symbols).
            for (Map.Entry<String, List<EquDef>> e : equs.entrySet()) {
                for (EquDef d : e.getValue()) {
                    try {
                        evalEqu(d);
                    } catch (AsmError | Expression.Unresolved x) {
                        Stmt s = stmts.get(d.stmtIndex);
                        if (errors.stream().noneMatch(er -> er.line() == s.line)) error(s, x.getMessage());
                    }
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparingInt(AssemblyException.Diagnostic::line));
                throw new AssemblyException(errors);
            }
            return out.toByteArray();
        }

        Map<String, Integer> symbols() {
            Map<String, Integer> m = new TreeMap<>();
            for (Map.Entry<String, Label> e : labels.entrySet()) {
                if (!e.getKey().startsWith(".L")) m.put(e.getKey(), (int) e.getValue().address());
            }
            for (Map.Entry<String, List<EquDef>> e : equs.entrySet()) {
                List<EquDef> defs = e.getValue();
                m.put(e.getKey(), (int) evalEqu(defs.get(defs.size() - 1)));
            }
            return m;
        }

        private void error(Stmt s, String message) {
            errors.add(new AssemblyException.Diagnostic(name, s.line, s.lineText, message));
        }

        private void defineLabel(String label, Stmt s) {
            if (Character.isDigit(label.charAt(0))) {
                locals.computeIfAbsent(Integer.parseInt(label), k -> new ArrayList<>()).add(new long[] {s.index, s.address});
                return;
            }
            Label old = labels.get(label);
            if (old != null) throw new AsmError("duplicate label '" + label + "' (first defined on line " + old.line() + ")");
            List<EquDef> defs = equs.get(label);
            if (defs != null) {
                throw new AsmError("duplicate label '" + label + "' (defined by .equ/.set on line " + defs.get(0).line + ")");
            }
            labels.put(label, new Label(s.address, s.line));
        }

        // ---------------------------------------------------------------- emission

        private void emit(long value, int width) {
            if (emitting) {
                for (int i = 0; i < width; i++) out.write((int) (value >>> (8 * i)) & 0xFF);
            }
            count += width;
        }

        private void fill(long n, int b) {
            if (n < 0) throw new AsmError("negative size " + n);
            if (n > (1L << 28)) throw new AsmError("size " + n + " is too large");
            for (long i = 0; i < n; i++) emit(b, 1);
        }

        private long pc() { return cur.address; }

        // ---------------------------------------------------------------- statements

        /** Processes one statement in the current pass; true at {@code .end}. */
        private boolean process(Stmt s) {
            String mn = s.mnemonic;
            if (mn.startsWith(".")) return directive(s, mn);
            instruction(s, mn, s.args);
            return false;
        }

        private boolean directive(Stmt s, String mn) {
            List<String> a = s.args;
            switch (mn) {
                case ".byte" -> data(a, 1, mn);
                case ".half", ".short", ".2byte" -> data(a, 2, mn);
                case ".word", ".long", ".4byte", ".int" -> data(a, 4, mn);
                case ".dword", ".quad", ".8byte" -> data(a, 8, mn);
                case ".ascii" -> strings(a, false, mn);
                case ".asciz", ".string" -> strings(a, true, mn);
                case ".align", ".p2align" -> {
                    long n = constant(arg(a, 0, mn, 1, 3), mn);
                    if (n < 0 || n > 16) throw new AsmError(mn + ": alignment 2^" + n + " out of range [2^0, 2^16]");
                    align(1L << n, a, mn);
                }
                case ".balign" -> {
                    long n = constant(arg(a, 0, mn, 1, 3), mn);
                    if (n <= 0 || Long.bitCount(n) != 1 || n > 65536) throw new AsmError(mn + ": alignment " + n + " is not a power of two up to 65536");
                    align(n, a, mn);
                }
                case ".space", ".zero", ".skip" -> {
                    long n = constant(arg(a, 0, mn, 1, mn.equals(".zero") ? 1 : 2), mn);
                    fill(n, a.size() > 1 ? (int) byteValue(a.get(1), mn) : 0);
                }
                case ".fill" -> {
                    long repeat = constant(arg(a, 0, mn, 1, 3), mn);
                    long size = a.size() > 1 ? constant(a.get(1), mn) : 1;
                    if (size < 0 || size > 8) throw new AsmError(".fill: size " + size + " out of range [0, 8]");
                    if (repeat < 0) throw new AsmError(".fill: negative repeat count " + repeat);
                    long value = a.size() > 2 && emitting ? eval(a.get(2)) : 0;
                    for (long i = 0; i < repeat; i++) emit(value, (int) size);
                }
                case ".equ", ".set", ".equiv" -> {
                    if (a.size() != 2) throw new AsmError(mn + ": expected 'name, value'");
                    String sym = a.get(0);
                    if (!IDENTIFIER.matcher(sym).matches()) throw new AsmError(mn + ": '" + sym + "' is not a symbol name");
                    if (pass == 1) defineEqu(sym, a.get(1), s, mn.equals(".equiv"));
                }
                case ".end" -> {
                    return true;
                }
                default -> {
                    if (!IGNORED.contains(mn) && !mn.startsWith(".cfi_")) throw new AsmError("unknown directive '" + mn + "'");
                }
            }
            return false;
        }

        private String arg(List<String> a, int i, String mn, int min, int max) {
            if (a.size() < min || a.size() > max) {
                throw new AsmError(mn + ": expected " + (min == max ? String.valueOf(min) : min + " to " + max) + " operand(s), got " + a.size());
            }
            return a.get(i);
        }

        private void align(long alignment, List<String> a, String mn) {
            long addr = base + count;
            long pad = (alignment - addr % alignment) % alignment;
            fill(pad, a.size() > 1 ? (int) byteValue(a.get(1), mn) : 0);
        }

        private long byteValue(String text, String mn) {
            long v = constant(text, mn);
            if (v < -128 || v > 255) throw new AsmError(mn + ": fill value " + v + " does not fit in a byte");
            return v & 0xFF;
        }

        /** A value needed in pass 1 (sizes): must not depend on later definitions. */
        private long constant(String text, String mn) {
            try {
                return eval(text);
            } catch (Expression.Unresolved e) {
                throw new AsmError(mn + ": '" + text + "' must be a constant known where it is used ("
                        + e.getMessage() + (pass == 1 ? " yet" : "") + ")");
            }
        }

        private void data(List<String> a, int width, String mn) {
            for (String t : a) {
                long v = 0;
                if (emitting) {
                    v = eval(t);
                    if (width < 8) {
                        long min = -(1L << (8 * width - 1));
                        long max = (1L << (8 * width)) - 1;
                        if (v < min || v > max) {
                            throw new AsmError(String.format("%s: value %s does not fit in %d byte%s", mn, t, width, width == 1 ? "" : "s"));
                        }
                    }
                }
                emit(v, width);
            }
        }

        private void strings(List<String> a, boolean terminate, String mn) {
            if (a.isEmpty()) throw new AsmError(mn + ": expected a string");
            for (String t : a) {
                for (byte b : Strings.stringLiteral(t)) emit(b, 1);
                if (terminate) emit(0, 1);
            }
        }

        private void defineEqu(String sym, String expr, Stmt s, boolean once) {
            Label l = labels.get(sym);
            if (l != null) throw new AsmError("symbol '" + sym + "' is already a label (line " + l.line() + ")");
            List<EquDef> defs = equs.computeIfAbsent(sym, k -> new ArrayList<>());
            if (once && !defs.isEmpty()) throw new AsmError(".equiv: symbol '" + sym + "' is already defined (line " + defs.get(0).line + ")");
            defs.add(new EquDef(sym, s.index, expr, s.line));
        }

        // ---------------------------------------------------------------- expressions

        long eval(String text) {
            return Expression.evaluate(text, this);
        }

        @Override
        public long symbol(String sym) {
            Label l = labels.get(sym);
            if (l != null) {
                usedAddress = true;
                return l.address();
            }
            List<EquDef> defs = equs.get(sym);
            if (defs != null) {
                EquDef pick = null;
                for (EquDef d : defs) {
                    if (d.stmtIndex < cur.index) pick = d;
                }
                return evalEqu(pick != null ? pick : defs.get(0));
            }
            throw new Expression.Unresolved(sym);
        }

        private long evalEqu(EquDef d) {
            if (d.value != null) {
                usedAddress |= d.usesAddress;
                return d.value;
            }
            if (d.evaluating) throw new AsmError("symbol '" + d.name + "' is defined in terms of itself");
            Stmt saved = cur;
            boolean outer = usedAddress;
            d.evaluating = true;
            try {
                cur = stmts.get(d.stmtIndex);
                usedAddress = false;
                long v = eval(d.expr);
                d.value = v;
                d.usesAddress = usedAddress;
                return v;
            } finally {
                usedAddress |= outer;
                d.evaluating = false;
                cur = saved;
            }
        }

        @Override
        public long localLabel(int n, boolean forward, String text) {
            List<long[]> defs = locals.getOrDefault(n, List.of());
            long[] pick = null;
            for (long[] d : defs) {
                if (forward ? d[0] > cur.index : d[0] <= cur.index) {
                    pick = d;
                    if (forward) break;
                }
            }
            usedAddress = true;
            if (pick != null) return pick[1];
            if (forward && pass == 1) throw new Expression.Unresolved(text);
            throw new AsmError("local label '" + text + "': no label " + n + ": " + (forward ? "after" : "before") + " this line");
        }

        @Override
        public long dot() {
            usedAddress = true;
            return cur.address;
        }

        @Override
        public long pcrelHi(long target) {
            long off = target - pc();
            pcrelTargets.put(pc(), target);
            return Expression.hi(off);
        }

        @Override
        public long pcrelLo(long auipcAddress, String text) {
            Long target = pcrelTargets.get(auipcAddress & 0xFFFF_FFFFL);
            if (target == null) {
                if (pass == 1) throw new Expression.Unresolved(text);
                throw new AsmError("%pcrel_lo(" + text + "): no auipc with %pcrel_hi at that address before this line");
            }
            return Expression.lo(target - auipcAddress);
        }

        // ---------------------------------------------------------------- instructions

        private void instruction(Stmt s, String mn, List<String> a) {
            switch (mn) {
                case "li" -> li(s, a);
                case "la", "lla" -> pcrelPair(mn, a, 2, Instruction.ADDI, -1);
                case "call" -> pcrelPair(mn, a, a.size() == 2 ? 2 : 1, Instruction.JALR, Gpr.RA);
                case "tail" -> pcrelPair(mn, a, 1, Instruction.JALR, 6);
                case "unimp" -> {
                    if (!a.isEmpty()) throw new AsmError("unimp takes no operands");
                    emit(0xC0001073L, 4); // csrrw zero, cycle, zero: illegal on the S1 (cycle is read-only)
                }
                default -> {
                    List<Form> forms = FORMS.get(mn);
                    if (forms == null) throw new AsmError("unknown instruction '" + mn + "'");
                    emit(emitting ? encode(mn, forms, a) : 0, 4);
                }
            }
        }

        private void li(Stmt s, List<String> a) {
            if (a.size() != 2) throw new AsmError("li: expected 'li rd, value', got " + a.size() + " operand(s)");
            if (pass == 1) {
                int size = 8;
                try {
                    usedAddress = false;
                    long v = eval(a.get(1));
                    // An address is relocatable for GNU as: always lui + addi, whatever its value.
                    if (!usedAddress && fits32(v) && (fits12((int) v) || Expression.lo(v) == 0)) size = 4;
                } catch (AsmError | Expression.Unresolved e) {
                    // Not known yet: lui + addi, whatever the value turns out to be.
                }
                count += size;
                return;
            }
            int rd = gpr(a.get(0), "li");
            long v = eval(a.get(1));
            if (!fits32(v)) throw new AsmError("li: value " + a.get(1) + " = " + v + " does not fit in 32 bits");
            int x = (int) v;
            int hi = (int) Expression.hi(x);
            int lo = (int) Expression.lo(x);
            if (s.size == 4) {
                emit(fits12(x) ? Encoder.encode(Instruction.ADDI, rd, Gpr.ZERO, x) : Encoder.encode(Instruction.LUI, rd, hi), 4);
            } else {
                emit(Encoder.encode(Instruction.LUI, rd, hi), 4);
                emit(Encoder.encode(Instruction.ADDI, rd, rd, lo), 4);
            }
        }

            /**
         * auipc + a second instruction with the low part: la (auipc rd; addi rd, rd, lo), call
         * (auipc ra; jalr ra, lo(ra)), call rd (auipc t1; jalr rd, lo(t1)), tail (auipc t1;
         * jalr zero, lo(t1)). {@code link} is the fixed link/temporary register, or -1 for la.
         */
        private void pcrelPair(String mn, List<String> a, int operands, Instruction second, int link) {
            if (a.size() != operands) {
                String syntax = switch (mn) {
                    case "la", "lla" -> mn + " rd, symbol";
                    case "call" -> "call symbol' or 'call rd, symbol";
                    default -> "tail symbol";
                };
                throw new AsmError(mn + ": expected '" + syntax + "', got " + a.size() + " operand(s)");
            }
            if (!emitting) {
                count += 8;
                return;
            }
            int rd = operands == 2 ? gpr(a.get(0), mn) : link;
            // auipc's register: la's rd; call's ra, or t1 for `call rd, symbol` (as GNU as); tail's t1.
            int temp = second == Instruction.ADDI ? rd : operands == 2 ? 6 : link;
            String targetText = a.get(operands - 1);
            if (looksLikeRegister(targetText)) throw new AsmError(mn + ": expected a symbol or address, got register '" + targetText + "'");
            long target = eval(targetText);
            int off = (int) (target - pc());
            int hi = (int) Expression.hi(off);
            int lo = (int) Expression.lo(off);
            emit(Encoder.encode(Instruction.AUIPC, temp, hi), 4);
            if (second == Instruction.ADDI) emit(Encoder.encode(Instruction.ADDI, rd, temp, lo), 4);
            else if (mn.equals("tail")) emit(Encoder.encode(Instruction.JALR, Gpr.ZERO, temp, lo), 4);
            else emit(Encoder.encode(Instruction.JALR, rd, temp, lo), 4);
        }

        private static boolean fits32(long v) { return v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL; }

        private static boolean fits12(int v) { return v >= -2048 && v <= 2047; }

        private int encode(String mn, List<Form> forms, List<String> args) {
            for (Form f : forms) {
                if (f.parts().size() == args.size() && shapeMatches(f, args)) return encode(mn, f, args);
            }
            for (Form f : forms) {
                if (f.parts().size() == args.size()) return encode(mn, f, args); // reports what is wrong
            }
            StringBuilder sb = new StringBuilder();
            for (Form f : forms) sb.append(sb.length() == 0 ? "" : "' or '").append(f.describe());
            throw new AsmError(mn + ": expected '" + sb + "', got " + args.size() + " operand(s)");
        }

        private boolean shapeMatches(Form f, List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                Part p = f.parts().get(i);
                String text = args.get(i);
                if (p.inner() != null) {
                    String[] split = splitParen(text);
                    if (split == null || !looksLikeRegister(split[1])) return false;
                    if (p.outer() == null && !split[0].isEmpty()) return false;
                    text = split[0];
                    if (p.outer() == null) continue;
                    if (text.isEmpty()) continue; // imm(rs1) with the imm left out: 0
                }
                OperandKind kind = operand(f.insn(), p.outer()).kind();
                boolean register = kind == OperandKind.GPR || kind == OperandKind.TILE;
                if (text.isEmpty() || register != looksLikeRegister(text)) return false;
            }
            return true;
        }

        /** {@code "imm(reg)"} to {@code {imm, reg}}; null if the text does not end with a parenthesis group. */
        private static String[] splitParen(String text) {
            String t = text.strip();
            if (!t.endsWith(")")) return null;
            int depth = 0;
            for (int i = t.length() - 1; i >= 0; i--) {
                char c = t.charAt(i);
                if (c == ')') depth++;
                else if (c == '(' && --depth == 0) return new String[] {t.substring(0, i).strip(), t.substring(i + 1, t.length() - 1).strip()};
            }
            return null;
        }

        private static Operand operand(Instruction insn, String name) {
            for (Operand o : insn.operands()) {
                if (o.name().equals(name)) return o;
            }
            throw new IllegalStateException(insn + " has no operand " + name);
        }

        private int encode(String mn, Form f, List<String> args) {
            Instruction insn = f.insn();
            List<Operand> ops = insn.operands();
            Map<String, Integer> values = new HashMap<>(f.fixed());
            for (int i = 0; i < args.size(); i++) {
                Part p = f.parts().get(i);
                String text = args.get(i);
                if (p.inner() != null) {
                    String[] split = splitParen(text);
                    String shape = (p.outer() == null ? "" : p.outer()) + "(" + p.inner() + ")";
                    if (split == null) throw new AsmError(mn + ": expected " + shape + ", got '" + text + "'");
                    if (p.outer() == null && !split[0].isEmpty()) {
                        throw new AsmError(mn + ": expected " + shape + " without offset, got '" + text + "'");
                    }
                    values.put(p.inner(), value(mn, operand(insn, p.inner()), split[1]));
                    if (p.outer() != null) values.put(p.outer(), value(mn, operand(insn, p.outer()), split[0].isEmpty() ? "0" : split[0]));
                } else {
                    values.put(p.outer(), value(mn, operand(insn, p.outer()), text));
                }
            }
            int[] v = new int[ops.size()];
            for (int i = 0; i < v.length; i++) v[i] = values.get(ops.get(i).name());
            try {
                return Encoder.encode(insn, v);
            } catch (IllegalArgumentException e) {
                for (int i = 0; i < v.length; i++) {
                    if (ops.get(i).kind() == OperandKind.CSR) {
                        Csr csr = Csr.byAddress(v[i]);
                        if (csr != null && csr.readOnly()) throw new AsmError(mn + ": " + csr.mnemonic() + " is read-only");
                    }
                }
                throw new AsmError(mn + ": " + e.getMessage());
            }
        }

        /** The value of one operand written as {@code text}, checked against its field and kind. */
        private int value(String mn, Operand op, String text) {
            Field f = op.field();
            switch (op.kind()) {
                case GPR:
                    return gpr(text, mn);
                case TILE:
                    return tile(text, mn);
                case CSR:
                    return csr(text, mn);
                case FENCE_SET:
                    return fenceSet(text, mn);
                case PC_OFFSET: {
                    String t = text.strip();
                    Matcher m = OBJDUMP_TARGET.matcher(t);
                    long target = objdumpTargets && m.matches() ? Long.parseLong(m.group(1), 16) : eval(t);
                    long offset = (int) (target - pc());
                    if (offset < f.min() || offset > f.max()) {
                        throw new AsmError(String.format("%s: offset %d to '%s' out of range [%d, %d]", mn, offset, t, f.min(), f.max()));
                    }
                    if (offset % f.step() != 0) {
                        throw new AsmError(String.format("%s: offset %d to '%s' is not a multiple of %d", mn, offset, t, f.step()));
                    }
                    return (int) offset;
                }
                default: {
                    if (looksLikeRegister(text)) {
                        String number = op.kind() == OperandKind.UNUSED ? " (a number)" : "";
                        throw new AsmError(mn + ": expected " + describe(op) + number + ", got register '" + text.strip() + "'");
                    }
                    long v = eval(text);
                    if (v < f.min() || v > f.max()) {
                        throw new AsmError(String.format("%s: %s %d out of range [%d, %d]", mn, describe(op), v, f.min(), f.max()));
                    }
                    return (int) v;
                }
            }
        }

        private static String describe(Operand op) {
            if (op.kind() == OperandKind.UNUSED) return "unused field " + op.name();
            return switch (op.name()) {
                case "shamt" -> "shift amount";
                case "zimm", "imm" -> "immediate";
                default -> op.name();
            };
        }

        private int gpr(String text, String mn) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            int r = Gpr.parse(t);
            if (r >= 0) return r;
            if (TILE_REGISTER.matcher(t).matches()) throw new AsmError(mn + ": expected an integer register, got tile register '" + text.strip() + "'");
            if (X_REGISTER.matcher(t).matches() || IDENTIFIER.matcher(t).matches()) {
                throw new AsmError(mn + ": unknown register '" + text.strip() + "'");
            }
            throw new AsmError(mn + ": expected an integer register, got '" + text.strip() + "'");
        }

        private int tile(String text, String mn) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = TILE_REGISTER.matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                if (n >= Tiles.COUNT) throw new AsmError(mn + ": tile " + t + ": tile index must be < " + Tiles.COUNT);
                return (int) n;
            }
            if (Gpr.parse(t) >= 0) throw new AsmError(mn + ": expected a tile register m0..m7, got integer register '" + text.strip() + "'");
            throw new AsmError(mn + ": expected a tile register m0..m7, got '" + text.strip() + "'");
        }

        private int csr(String text, String mn) {
            String t = text.strip();
            Csr byName = Csr.byName(t.toLowerCase(Locale.ROOT));
            if (byName != null) return byName.address();
            if (looksLikeRegister(t)) throw new AsmError(mn + ": expected a CSR, got register '" + t + "'");
            long v;
            try {
                v = eval(t);
            } catch (Expression.Unresolved e) {
                if (IDENTIFIER.matcher(t).matches()) throw new AsmError(mn + ": unknown CSR '" + t + "'");
                throw e;
            }
            if (v < 0 || v > Field.CSR.max()) throw new AsmError(mn + ": CSR number " + v + " out of range [0, 4095]");
            if (Csr.byAddress((int) v) == null) throw new AsmError(String.format("%s: CSR 0x%03x does not exist on the S1", mn, v));
            return (int) v;
        }

        private static int fenceSet(String text, String mn) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("0")) return 0;
            int bits = 0;
            int last = -1;
            for (char c : t.toCharArray()) {
                int i = "iorw".indexOf(c);
                if (i < 0 || i <= last) throw new AsmError(mn + ": bad fence set '" + text.strip() + "' (a subset of iorw, in that order, or 0)");
                last = i;
                bits |= 8 >> i;
            }
            if (bits == 0) throw new AsmError(mn + ": empty fence set");
            return bits;
        }
    }
}
