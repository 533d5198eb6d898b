package dev.seedverify.golden.gen;

import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code s1_device_pkg.sv}: the RTL's view of the device table (spec §4): MMIO offsets,
 * register bits, opcodes, descriptor and completion layouts, statuses, event kinds. The RTL build
 * runs this so no device number is copied into SystemVerilog by hand.
 */
public final class DevicePackage {
    public static final String NAME = "s1_device_pkg";

    private DevicePackage() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("// Generated from the SeedVerify device table by ").append(DevicePackage.class.getName()).append(". Do not edit.\n");
        s.append("/* verilator lint_off UNUSEDPARAM */\n");
        s.append("package ").append(NAME).append(";\n\n");
        s.append("  // MMIO registers (spec §4.1): byte offsets in the register window\n");
        s.append(String.format("  localparam int MMIO_BYTES = %d;%n", DeviceTable.MMIO_BYTES));
        for (MmioRegister r : MmioRegister.values()) {
            s.append(String.format("  localparam logic [7:0] MMIO_%s = 8'h%02x;  // %s %s%n", r.name(), r.offset(), r.access(), r.meaning()));
        }
        s.append(String.format("  localparam logic [31:0] DEV_ID_VALUE = 32'h%08x;%n", DeviceTable.ID_VALUE));
        s.append(String.format("  localparam int STATUS_BUSY_BIT = %d, STATUS_QERR_BIT = %d;%n",
                Integer.numberOfTrailingZeros(DeviceTable.STATUS_BUSY), Integer.numberOfTrailingZeros(DeviceTable.STATUS_QERR)));
        s.append(String.format("  localparam logic [31:0] STATUS_RESET = 32'h%08x;%n", DeviceTable.STATUS_RESET));
        s.append(String.format("  localparam int IRQ_DONE_BIT = %d, IRQ_ERROR_BIT = %d;%n",
                Integer.numberOfTrailingZeros(DeviceTable.IRQ_DONE), Integer.numberOfTrailingZeros(DeviceTable.IRQ_ERROR)));
        s.append(String.format("  localparam logic [31:0] IRQ_MASK = 32'h%08x;%n%n", DeviceTable.IRQ_MASK));

        s.append("  // Command ring and descriptors (spec §4.2, §4.3)\n");
        s.append(String.format("  localparam int RING_MAX_ENTRIES = %d;%n", DeviceTable.RING_MAX_ENTRIES));
        s.append(String.format("  localparam int RING_ALIGN = %d;%n", DeviceTable.RING_ALIGN));
        s.append(String.format("  localparam int DESCRIPTOR_WORDS = %d, DESCRIPTOR_BYTES = %d;%n", DeviceTable.DESCRIPTOR_WORDS, DeviceTable.DESCRIPTOR_BYTES));
        s.append(String.format("  localparam int DESC_W_HEADER = %d, DESC_W_COMPLETION = %d;%n", DeviceTable.DESC_W_HEADER, DeviceTable.DESC_W_COMPLETION));
        s.append(String.format("  localparam int HEADER_OPCODE_LSB = %d, HEADER_FLAGS_LSB = %d, HEADER_TAG_LSB = %d;%n",
                DeviceTable.HEADER_OPCODE_SHIFT, DeviceTable.HEADER_FLAGS_SHIFT, DeviceTable.HEADER_TAG_SHIFT));
        s.append("  typedef enum logic [7:0] {\n    OP_NONE = 8'd0");
        for (Opcode o : Opcode.values()) s.append(",\n    OP_").append(o.name()).append(" = 8'd").append(o.code());
        s.append("\n  } opcode_e;\n");
        for (DescriptorField f : DescriptorField.values()) {
            s.append(String.format("  localparam int DESC_W_%s = %d;  // %s%n", f.name(), f.word(), f.meaning()));
        }
        for (Opcode o : Opcode.values()) {
            int used = 0;
            for (DescriptorField f : o.fields()) used |= 1 << f.word();
            String bits = String.format("%8s", Integer.toBinaryString(used)).replace(' ', '0');
            s.append(String.format("  localparam logic [7:0] DESC_USED_%s = 8'b%s;  // words 1..6 this opcode uses%n", o.name(), bits));
        }
        s.append(String.format("  localparam int LAUNCH_DEFAULT_BUDGET = %d;%n", DeviceTable.LAUNCH_DEFAULT_BUDGET));
        s.append(String.format("  localparam int LAUNCH_ALIGN = %d;%n%n", DeviceTable.LAUNCH_ALIGN));

        s.append("  // Completion record (spec §4.2)\n");
        s.append(String.format("  localparam int COMPLETION_WORDS = %d, COMPLETION_BYTES = %d, COMPLETION_ALIGN = %d;%n",
                DeviceTable.COMPLETION_WORDS, DeviceTable.COMPLETION_BYTES, DeviceTable.COMPLETION_ALIGN));
        s.append(String.format("  localparam int COMP_W_STATUS_TAG = %d, COMP_W_RESULT = %d, COMP_W_TVAL = %d, COMP_W_RETIRED = %d;%n",
                DeviceTable.COMP_W_STATUS_TAG, DeviceTable.COMP_W_RESULT, DeviceTable.COMP_W_TVAL, DeviceTable.COMP_W_RETIRED));
        s.append(String.format("  localparam int COMP_TAG_LSB = %d;%n", DeviceTable.COMP_TAG_SHIFT));
        s.append("  typedef enum logic [15:0] {\n");
        CompletionStatus[] st = CompletionStatus.values();
        for (int i = 0; i < st.length; i++) {
            s.append("    ST_").append(st[i].name()).append(" = 16'd").append(st[i].code()).append(i + 1 < st.length ? ",\n" : "\n");
        }
        s.append("  } status_e;\n\n");

        s.append("  // Device event records (spec §5) on the harness's event port\n");
        s.append("  typedef enum logic [1:0] {\n    EV_NONE = 2'd0");
        for (DeviceEvent e : DeviceEvent.values()) s.append(",\n    EV_").append(e.name()).append(" = 2'd").append(e.code());
        s.append("\n  } event_e;\n");
        s.append("\nendpackage\n/* verilator lint_on UNUSEDPARAM */\n");
        return s.toString();
    }

    /** Writes the package to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DevicePackage <output .sv file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }
}
