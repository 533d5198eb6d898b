package dev.seedverify.golden.device;

import java.util.ArrayList;
import java.util.List;

/** Command opcodes (spec §4.2, descriptor word 0 bits 7:0). */
public enum Opcode {
    LAUNCH(1),
    COPY(2),
    FILL(3),
    NOP(4);

    private final int code;

    Opcode(int code) { this.code = code; }

    public int code() { return code; }

    /** The opcode with {@code code}, or null for a bad opcode (BAD_COMMAND). */
    public static Opcode of(int code) {
        for (Opcode o : values()) if (o.code == code) return o;
        return null;
    }

    /** The descriptor words 1..6 this opcode uses; the others must be zero. */
    public List<DescriptorField> fields() {
        List<DescriptorField> out = new ArrayList<>();
        for (DescriptorField f : DescriptorField.values()) if (f.opcode() == this) out.add(f);
        return out;
    }

    /** Whether descriptor word {@code w} (1..6) is a field of this opcode (else reserved, must be zero). */
    public boolean uses(int word) {
        for (DescriptorField f : DescriptorField.values()) if (f.opcode() == this && f.word() == word) return true;
        return false;
    }
}
