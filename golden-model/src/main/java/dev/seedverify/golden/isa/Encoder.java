package dev.seedverify.golden.isa;

import java.util.List;

/** Encodes instructions from operand values given in the table's encoder order. */
public final class Encoder {
    private Encoder() {}

    /**
     * The word for {@code insn} with {@code operands} in {@link Instruction#operands()} order.
     * Throws {@link IllegalArgumentException} naming the operand when a value is not legal.
     */
    public static int encode(Instruction insn, int... operands) {
        List<Operand> ops = insn.operands();
        if (operands.length != ops.size()) {
            throw new IllegalArgumentException(insn.mnemonic() + " takes " + ops.size() + " operands ("
                    + insn.syntax() + "), got " + operands.length);
        }
        int word = insn.match();
        for (int i = 0; i < operands.length; i++) {
            Operand o = ops.get(i);
            if (!o.accepts(operands[i])) {
                throw new IllegalArgumentException(insn.mnemonic() + ": operand " + o.name() + " = " + operands[i]
                        + " is not a legal " + o.kind() + " value for field " + o.field());
            }
            word |= o.field().encode(operands[i]);
        }
        if (insn.format() == Format.CSR || insn.format() == Format.CSR_IMM) {
            Csr csr = Csr.byAddress(Field.CSR.extract(word));
            if (csr.readOnly() && insn.writesCsr(word)) {
                throw new IllegalArgumentException(insn.mnemonic() + ": " + csr.mnemonic() + " is read-only");
            }
        }
        return word;
    }
}
