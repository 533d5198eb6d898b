package dev.seedverify.golden.isa;

/**
 * One operand of an instruction: its name in the syntax template, the field that holds it and
 * what it names.
 */
public record Operand(String name, Field field, OperandKind kind) {

    /** Whether {@code value} is a legal value of this operand (field range and kind rules). */
    public boolean accepts(int value) {
        if (!field.accepts(value)) return false;
        return switch (kind) {
            case TILE -> value < Tiles.COUNT;
            case CSR -> Csr.byAddress(value) != null;
            default -> true;
        };
    }
}
