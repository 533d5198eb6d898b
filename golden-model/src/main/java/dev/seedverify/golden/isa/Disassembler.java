package dev.seedverify.golden.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Disassembles instruction words, derived from the {@link Instruction} table: every instruction is
 * printed with its syntax template, each operand formatted by its {@link OperandKind}. The only
 * hand-written knowledge is the {@linkplain #aliases() alias table} (objdump's spellings and default
 * aliases, plus the assembler-only pseudo-instruction forms the assembler shares).
 *
 * <p>The output follows GNU objdump for RV32IM/Zicsr: mnemonic, a tab, operands joined by
 * {@code ","} without spaces; ABI register names; CSR names; branch and jump targets as absolute
 * lowercase hex without {@code 0x}; {@code lui}/{@code auipc} immediates and shift amounts in hex
 * ({@code 0x1f}, as objdump prints them); all other immediates in decimal; illegal words as
 * {@code .word 0x%08x}. Xseed instructions use the spec's syntax (§2.2) in the same style, e.g.
 * {@code tld m1,(a0),a1}. Fences with non-zero unused fields (spec §1), which objdump does not know
 * (it prints {@code .4byte}), are printed in the table's full form, the unused fields in hex:
 * {@code fence rw,rw,0x8,0x0,0x3} (pred, succ, fm, rs1, rd), {@code fence.i 0x0,0xa,0x0} (imm, rs1, rd).
 */
public final class Disassembler {

    /** When the disassembler prints an {@link Alias}. */
    public enum Printing {
        /**
         * Always, with or without aliases: objdump's own spelling of an instruction that our table
         * folds into a more general one ({@code fence rw,rw}, {@code fence.tso}, {@code fence.i}
         * are fences whose unused fields are zero; objdump -M no-aliases prints them so too).
         */
        ALWAYS,
        /** Unless aliases are off: objdump's default aliases ({@code li}, {@code mv}, {@code ret}...). */
        WITH_ALIASES,
        /** Never: a form the assembler accepts (as GNU as does) that objdump does not print. */
        NEVER
    }

    /**
     * An alternative assembly form of one table instruction: {@code mnemonic} with the operands named
     * in {@code syntax} (operand names of {@code instruction}, in any order), every other operand of
     * the instruction fixed to the value in {@code fixed}.
     *
     * @param printing when the disassembler prints this form (in objdump's priority order: the first
     *                 printable alias that matches a word wins); the assembler accepts every alias
     */
    public record Alias(String mnemonic, String syntax, Instruction instruction, Map<String, Integer> fixed,
                       Printing printing) {

        public Alias {
            fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
            List<String> written = operandNames(syntax);
            for (Operand o : instruction.operands()) {
                boolean inSyntax = written.contains(o.name());
                if (inSyntax == fixed.containsKey(o.name())) {
                    throw new IllegalArgumentException(mnemonic + ": operand " + o.name() + " of " + instruction
                            + (inSyntax ? " is both written and fixed" : " is neither written nor fixed"));
                }
                Integer v = fixed.get(o.name());
                if (v != null && !o.accepts(v)) {
                    throw new IllegalArgumentException(mnemonic + ": fixed " + o.name() + " = " + v + " is not legal");
                }
            }
            for (String n : written) {
                if (instruction.operands().stream().noneMatch(o -> o.name().equals(n))) {
                    throw new IllegalArgumentException(mnemonic + ": " + n + " is not an operand of " + instruction);
                }
            }
        }

        /** Whether the disassembler prints this form when aliases are on (with them off: {@link Printing#ALWAYS} only). */
        public boolean disassembles() { return printing != Printing.NEVER; }

        /** Whether operand values of {@link #instruction()} (in encoder order) have this alias's fixed values. */
        public boolean matchesOperands(int[] values) {
            List<Operand> ops = instruction.operands();
            for (int i = 0; i < ops.size(); i++) {
                Integer v = fixed.get(ops.get(i).name());
                if (v != null && values[i] != v) return false;
            }
            return true;
        }

        /** Whether {@code word} (which encodes {@link #instruction()}) has this alias's fixed operand values. */
        public boolean matches(int word) {
            if (!instruction.matches(word)) return false;
            for (Operand o : instruction.operands()) {
                Integer v = fixed.get(o.name());
                if (v != null && o.field().extract(word) != v) return false;
            }
            return true;
        }
    }

    private static final int ZERO = Gpr.ZERO, RA = Gpr.RA;
    /** fence.tso: fm = 1000 with pred = succ = rw (the unprivileged spec's encoding). */
    private static final int FM_TSO = 0b1000, RW = 0b0011;
    private static final List<Alias> ALIASES;
    /** Printed aliases by instruction, in priority order: with aliases on, and with them off. */
    private static final Map<Instruction, List<Alias>> PRINTED_ALIASES = new HashMap<>(), ALWAYS_PRINTED = new HashMap<>();

    static {
        List<Alias> a = new ArrayList<>();
        // objdump's default aliases, in its priority order (the first that matches is printed).
        print(a, "nop", "", Instruction.ADDI, "rd", ZERO, "rs1", ZERO, "imm", 0);
        print(a, "li", "rd, imm", Instruction.ADDI, "rs1", ZERO);
        print(a, "mv", "rd, rs1", Instruction.ADDI, "imm", 0);
        print(a, "not", "rd, rs1", Instruction.XORI, "imm", -1);
        print(a, "zext.b", "rd, rs1", Instruction.ANDI, "imm", 255);
        print(a, "neg", "rd, rs2", Instruction.SUB, "rs1", ZERO);
        print(a, "seqz", "rd, rs1", Instruction.SLTIU, "imm", 1);
        print(a, "snez", "rd, rs2", Instruction.SLTU, "rs1", ZERO);
        print(a, "sltz", "rd, rs1", Instruction.SLT, "rs2", ZERO);
        print(a, "sgtz", "rd, rs2", Instruction.SLT, "rs1", ZERO);
        print(a, "beqz", "rs1, offset", Instruction.BEQ, "rs2", ZERO);
        print(a, "bnez", "rs1, offset", Instruction.BNE, "rs2", ZERO);
        print(a, "blez", "rs2, offset", Instruction.BGE, "rs1", ZERO);
        print(a, "bgez", "rs1, offset", Instruction.BGE, "rs2", ZERO);
        print(a, "bltz", "rs1, offset", Instruction.BLT, "rs2", ZERO);
        print(a, "bgtz", "rs2, offset", Instruction.BLT, "rs1", ZERO);
        print(a, "j", "offset", Instruction.JAL, "rd", ZERO);
        print(a, "jal", "offset", Instruction.JAL, "rd", RA);
        print(a, "ret", "", Instruction.JALR, "rd", ZERO, "rs1", RA, "imm", 0);
        print(a, "jr", "rs1", Instruction.JALR, "rd", ZERO, "imm", 0);
        print(a, "jr", "imm(rs1)", Instruction.JALR, "rd", ZERO);
        print(a, "jalr", "rs1", Instruction.JALR, "rd", RA, "imm", 0);
        print(a, "jalr", "imm(rs1)", Instruction.JALR, "rd", RA);
        print(a, "jalr", "rd, rs1", Instruction.JALR, "imm", 0);
        print(a, "rdcycle", "rd", Instruction.CSRRS, "csr", Csr.CYCLE.address(), "rs1", ZERO);
        print(a, "rdinstret", "rd", Instruction.CSRRS, "csr", Csr.INSTRET.address(), "rs1", ZERO);
        print(a, "rdcycleh", "rd", Instruction.CSRRS, "csr", Csr.CYCLEH.address(), "rs1", ZERO);
        print(a, "rdinstreth", "rd", Instruction.CSRRS, "csr", Csr.INSTRETH.address(), "rs1", ZERO);
        print(a, "csrr", "rd, csr", Instruction.CSRRS, "rs1", ZERO);
        print(a, "csrw", "csr, rs1", Instruction.CSRRW, "rd", ZERO);
        print(a, "csrs", "csr, rs1", Instruction.CSRRS, "rd", ZERO);
        print(a, "csrc", "csr, rs1", Instruction.CSRRC, "rd", ZERO);
        print(a, "csrwi", "csr, zimm", Instruction.CSRRWI, "rd", ZERO);
        print(a, "csrsi", "csr, zimm", Instruction.CSRRSI, "rd", ZERO);
        print(a, "csrci", "csr, zimm", Instruction.CSRRCI, "rd", ZERO);
        // A fence's unused fields (spec §1) are operands of FENCE and FENCE_I; objdump spells the
        // words whose unused fields are zero as instructions of their own.
        print(a, "fence", "", Instruction.FENCE, "pred", 0xF, "succ", 0xF, "fm", 0, "rs1", 0, "rd", 0);
        spell(a, "fence.tso", "", Instruction.FENCE, "fm", FM_TSO, "pred", RW, "succ", RW, "rs1", 0, "rd", 0);
        spell(a, "fence", "pred, succ", Instruction.FENCE, "fm", 0, "rs1", 0, "rd", 0);
        spell(a, "fence.i", "", Instruction.FENCE_I, "imm", 0, "rs1", 0, "rd", 0);
        // Accepted by the assembler only (GNU as accepts them too).
        accept(a, "bgt", "rs2, rs1, offset", Instruction.BLT);
        accept(a, "ble", "rs2, rs1, offset", Instruction.BGE);
        accept(a, "bgtu", "rs2, rs1, offset", Instruction.BLTU);
        accept(a, "bleu", "rs2, rs1, offset", Instruction.BGEU);
        accept(a, "sgt", "rd, rs2, rs1", Instruction.SLT);
        accept(a, "sgtu", "rd, rs2, rs1", Instruction.SLTU);
        accept(a, "jr", "rs1, imm", Instruction.JALR, "rd", ZERO);
        accept(a, "jalr", "rd, rs1, imm", Instruction.JALR);
        // Register-form mnemonics with an immediate operand mean the immediate form (GNU as
        // accepts them, and objdump 2.40 prints some of them): add a0,a1,5 = addi a0,a1,5.
        for (Instruction r : Instruction.all()) {
            if (r.format() != Format.R && r.format() != Format.CSR) continue;
            for (Instruction i : Instruction.all()) {
                if (i.mnemonic().equals(r.mnemonic() + "i")) accept(a, r.mnemonic(), i.syntax(), i);
            }
        }
        accept(a, "csrw", "csr, zimm", Instruction.CSRRWI, "rd", ZERO);
        accept(a, "csrs", "csr, zimm", Instruction.CSRRSI, "rd", ZERO);
        accept(a, "csrc", "csr, zimm", Instruction.CSRRCI, "rd", ZERO);
        ALIASES = List.copyOf(a);
        for (Alias alias : ALIASES) {
            if (alias.disassembles()) {
                PRINTED_ALIASES.computeIfAbsent(alias.instruction(), k -> new ArrayList<>()).add(alias);
            }
            if (alias.printing() == Printing.ALWAYS) {
                ALWAYS_PRINTED.computeIfAbsent(alias.instruction(), k -> new ArrayList<>()).add(alias);
            }
        }
    }

    private Disassembler() {}

    /** The alias table: objdump's aliases (in priority order), then the assembler-only forms. */
    public static List<Alias> aliases() { return ALIASES; }

    /**
     * objdump's own spelling of {@code insn} with these operand values (a {@link Printing#ALWAYS}
     * alias: {@code fence rw,w}, {@code fence.tso}, {@code fence.i}), or null when it has none.
     */
    public static Alias spelling(Instruction insn, int[] operands) {
        for (Alias a : ALWAYS_PRINTED.getOrDefault(insn, List.of())) {
            if (a.matchesOperands(operands)) return a;
        }
        return null;
    }

    /** objdump-style disassembly with objdump's default aliases, e.g. {@code beq\ta0,a1,80000010}. */
    public static String disassemble(int word, int pc) {
        return disassemble(word, pc, true, a -> null);
    }

    /**
     * With {@code aliases == false}, objdump -M no-aliases: the raw table form ({@code addi\ta0,zero,5},
     * {@code jalr\tzero,0(ra)}), or an {@link Printing#ALWAYS} spelling ({@code fence.tso}).
     */
    public static String disassemble(int word, int pc, boolean aliases) {
        return disassemble(word, pc, aliases, a -> null);
    }

    /**
     * With aliases; branch and jump targets for which {@code symbolAt} returns a name are printed
     * objdump-style as {@code 80000010 <loop>}.
     */
    public static String disassemble(int word, int pc, Function<Integer, String> symbolAt) {
        return disassemble(word, pc, true, symbolAt);
    }

    /** The general form of the other overloads. */
    public static String disassemble(int word, int pc, boolean aliases, Function<Integer, String> symbolAt) {
        Instruction insn = Decoder.decode(word);
        if (insn == null) return illegal(word);
        for (Alias alias : (aliases ? PRINTED_ALIASES : ALWAYS_PRINTED).getOrDefault(insn, List.of())) {
            if (alias.matches(word)) return render(alias.mnemonic(), alias.syntax(), insn, word, pc, symbolAt);
        }
        return render(insn.mnemonic(), insn.syntax(), insn, word, pc, symbolAt);
    }

    /**
     * Like {@link #disassemble(int, int)}, but an illegal word also says why, from
     * {@link Decoder#whyIllegal}: {@code .word\t0xc0001073\t# csrrw: write to read-only CSR cycle}.
     */
    public static String disassembleExplained(int word, int pc) {
        String why = Decoder.whyIllegal(word);
        return why == null ? disassemble(word, pc) : illegal(word) + "\t# " + why;
    }

    /** How an illegal word is printed (objdump's form for data). */
    public static String illegal(int word) {
        String hex = Integer.toHexString(word);
        return ".word\t0x" + "00000000".substring(hex.length()) + hex;
    }

    /**
     * The text of one operand value as the disassembler writes it (for targets: the absolute
     * address {@code pc + value}, without symbol).
     */
    public static String formatOperand(Operand operand, int value, int pc) {
        return switch (operand.kind()) {
            case GPR -> Gpr.name(value);
            case TILE -> Tiles.name(value);
            case CSR -> {
                Csr csr = Csr.byAddress(value);
                yield csr != null ? csr.mnemonic() : "0x" + Integer.toHexString(value);
            }
            case SIMM -> Integer.toString(value);
            // objdump prints lui/auipc immediates and shift amounts in hex, zimm in decimal.
            case UIMM -> operand.field() == Field.ZIMM ? Integer.toString(value) : "0x" + Integer.toHexString(value);
            case PC_OFFSET -> Integer.toHexString(pc + value);
            case FENCE_SET -> fenceSet(value);
            case UNUSED -> "0x" + Integer.toHexString(value);
        };
    }

    /** A fence set as letters in {@code iorw} order, or {@code 0} for the empty set. */
    public static String fenceSet(int bits) {
        if (bits == 0) return "0";
        StringBuilder sb = new StringBuilder(4);
        String letters = "iorw";
        for (int b = 0; b < 4; b++) {
            if ((bits & (8 >> b)) != 0) sb.append(letters.charAt(b));
        }
        return sb.toString();
    }

    /** Operand names written in a syntax template, in order of appearance. */
    public static List<String> operandNames(String syntax) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < syntax.length()) {
            if (isNameChar(syntax.charAt(i))) {
                int j = i;
                while (j < syntax.length() && isNameChar(syntax.charAt(j))) j++;
                names.add(syntax.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return names;
    }

    private static String render(String mnemonic, String syntax, Instruction insn, int word, int pc,
                                 Function<Integer, String> symbolAt) {
        if (syntax.isEmpty()) return mnemonic;
        StringBuilder sb = new StringBuilder(mnemonic).append('\t');
        List<Operand> ops = insn.operands();
        int i = 0;
        while (i < syntax.length()) {
            char c = syntax.charAt(i);
            if (isNameChar(c)) {
                int j = i;
                while (j < syntax.length() && isNameChar(syntax.charAt(j))) j++;
                String name = syntax.substring(i, j);
                Operand op = null;
                for (Operand o : ops) {
                    if (o.name().equals(name)) op = o;
                }
                if (op == null) throw new IllegalStateException(insn + ": syntax names unknown operand " + name);
                int value = op.field().extract(word);
                sb.append(formatOperand(op, value, pc));
                if (op.kind() == OperandKind.PC_OFFSET) {
                    String sym = symbolAt.apply(pc + value);
                    if (sym != null) sb.append(" <").append(sym).append('>');
                }
                i = j;
            } else {
                if (c != ' ') sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static void spell(List<Alias> list, String mnemonic, String syntax, Instruction insn, Object... fixed) {
        list.add(new Alias(mnemonic, syntax, insn, fixedMap(fixed), Printing.ALWAYS));
    }

    private static void print(List<Alias> list, String mnemonic, String syntax, Instruction insn, Object... fixed) {
        list.add(new Alias(mnemonic, syntax, insn, fixedMap(fixed), Printing.WITH_ALIASES));
    }

    private static void accept(List<Alias> list, String mnemonic, String syntax, Instruction insn, Object... fixed) {
        list.add(new Alias(mnemonic, syntax, insn, fixedMap(fixed), Printing.NEVER));
    }

    private static Map<String, Integer> fixedMap(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
        return m;
    }
}
