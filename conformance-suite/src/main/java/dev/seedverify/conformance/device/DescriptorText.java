package dev.seedverify.conformance.device;

import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.Opcode;

import java.util.Locale;

/** A descriptor in a reader's words, for the comments of host-action scripts. */
final class DescriptorText {
    private DescriptorText() {}

    static String describe(Descriptor d) {
        Opcode op = d.opcode();
        StringBuilder s = new StringBuilder(op == null ? "opcode " + d.opcodeCode() : op.name());
        s.append(" tag ").append(d.tag());
        if (d.flags() != 0) s.append(String.format(" flags 0x%02x", d.flags()));
        if (op != null) {
            for (DescriptorField f : op.fields()) {
                s.append(' ').append(f.name().toLowerCase(Locale.ROOT).replaceFirst("^" + op.name().toLowerCase(Locale.ROOT) + "_", ""))
                        .append(String.format("=0x%x", d.get(f)));
            }
            for (int w = 1; w < 7; w++) if (!op.uses(w) && d.word(w) != 0) s.append(String.format(" reserved-w%d=0x%x", w, d.word(w)));
        }
        return s.append(String.format(" completion=0x%08x", d.completionAddress())).toString();
    }
}
