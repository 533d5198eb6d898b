package dev.seedverify.golden.gen;

import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates {@code s1_device.h}: the device table (spec §4) as C constants for host code, tests
 * and the harness's native code: {@code S1_MMIO_<register>} offsets, {@code S1_OP_<opcode>},
 * {@code S1_DESC_W_<field>} word indices, {@code S1_ST_<status>}, {@code S1_EV_<event>} and every
 * scalar of {@link DeviceTable} as {@code S1_DEV_<name>}.
 */
public final class DeviceHeader {
    public static final String FILE_NAME = "s1_device.h";

    private DeviceHeader() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("/* Generated from the SeedVerify device table by ").append(DeviceHeader.class.getName()).append(". Do not edit. */\n");
        s.append("#ifndef S1_DEVICE_H\n#define S1_DEVICE_H\n\n");
        s.append("/* DRAM (spec §1) */\n");
        define(s, "S1_DRAM_BASE", String.format("0x%08xu", Memory.BASE));
        s.append("\n/* MMIO registers (spec §4.1): byte offsets */\n");
        for (MmioRegister r : MmioRegister.values()) {
            s.append(String.format("#define %-28s 0x%02xu /* %s: %s */%n", "S1_MMIO_" + r.name(), r.offset(), r.access(), r.meaning()));
        }
        s.append("\n/* Opcodes (spec §4.2) */\n");
        for (Opcode o : Opcode.values()) define(s, "S1_OP_" + o.name(), o.code() + "u");
        s.append("\n/* Descriptor words (spec §4.2) */\n");
        for (DescriptorField f : DescriptorField.values()) {
            s.append(String.format("#define %-28s %d /* %s */%n", "S1_DESC_W_" + f.name(), f.word(), f.meaning()));
        }
        s.append("\n/* Completion statuses (spec §4.2) */\n");
        for (CompletionStatus c : CompletionStatus.values()) define(s, "S1_ST_" + c.name(), c.code() + "u");
        s.append("\n/* Device event records (spec §5) */\n");
        for (DeviceEvent e : DeviceEvent.values()) define(s, "S1_EV_" + e.name(), Integer.toString(e.code()));
        s.append("\n/* dev.seedverify.golden.device.DeviceTable */\n");
        List<Field> fields = new ArrayList<>();
        for (Field f : DeviceTable.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) fields.add(f);
        }
        fields.sort(Comparator.comparing(Field::getName));
        for (Field f : fields) {
            try {
                define(s, "S1_DEV_" + f.getName(), String.format("0x%08xu", f.getInt(null)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        s.append("\n#endif /* S1_DEVICE_H */\n");
        return s.toString();
    }

    private static void define(StringBuilder s, String name, String value) {
        s.append(String.format("#define %-28s %s%n", name, value));
    }

    /** Writes the header to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DeviceHeader <output .h file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }
}
