package dev.seedverify.golden.device;

/**
 * The scalar facts of the device of spec §4: register bits, ring and record geometry, the
 * descriptor and completion word layouts. With {@link MmioRegister}, {@link Opcode},
 * {@link DescriptorField}, {@link CompletionStatus} and {@link DeviceEvent} it is the one
 * definition that the golden device, the driver, the SystemVerilog package
 * ({@code s1_device_pkg.sv}) and the C header ({@code s1_device.h}) are made from.
 */
public final class DeviceTable {
    private DeviceTable() {}

    // --- MMIO (§4.1)
    /** Bytes of the MMIO window; words without a register read 0 and ignore writes. */
    public static final int MMIO_BYTES = 0x40;
    public static final int ID_VALUE = 0x5EED0001;
    public static final int STATUS_BUSY = 1 << 0;
    public static final int STATUS_QERR = 1 << 1;
    /** STATUS after reset: no ring configured yet, so QERR (§4.3). */
    public static final int STATUS_RESET = STATUS_QERR;
    public static final int IRQ_DONE = 1 << 0;
    public static final int IRQ_ERROR = 1 << 1;
    /** The bits of IRQ_STATUS and IRQ_ENABLE that exist; the others read 0. */
    public static final int IRQ_MASK = IRQ_DONE | IRQ_ERROR;

    // --- command ring (§4.2, §4.3)
    public static final int RING_MAX_ENTRIES = 65536;
    public static final int DESCRIPTOR_WORDS = 8;
    public static final int DESCRIPTOR_BYTES = 4 * DESCRIPTOR_WORDS;
    /** CQ_BASE alignment. */
    public static final int RING_ALIGN = 32;

    // --- descriptor word 0 and word 7 (§4.2)
    public static final int DESC_W_HEADER = 0;
    public static final int DESC_W_COMPLETION = 7;
    public static final int HEADER_OPCODE_SHIFT = 0, HEADER_OPCODE_MASK = 0xFF;
    /** No flag is defined in v1: every flag bit is a reserved field and must be zero. */
    public static final int HEADER_FLAGS_SHIFT = 8, HEADER_FLAGS_MASK = 0xFF;
    public static final int HEADER_TAG_SHIFT = 16, HEADER_TAG_MASK = 0xFFFF;

    // --- LAUNCH (§4.2)
    /** Instruction budget when the descriptor says 0. */
    public static final int LAUNCH_DEFAULT_BUDGET = 1 << 24;
    /** entry, sp, window base and limit must be multiples of this. */
    public static final int LAUNCH_ALIGN = 4;

    // --- completion record (§4.2)
    public static final int COMPLETION_WORDS = 4;
    public static final int COMPLETION_BYTES = 4 * COMPLETION_WORDS;
    public static final int COMPLETION_ALIGN = 16;
    public static final int COMP_W_STATUS_TAG = 0, COMP_W_RESULT = 1, COMP_W_TVAL = 2, COMP_W_RETIRED = 3;
    public static final int COMP_STATUS_MASK = 0xFFFF;
    public static final int COMP_TAG_SHIFT = 16;

    /** Checks that {@code offset} names a word of the MMIO window. */
    public static void requireMmioOffset(int offset) {
        if (offset < 0 || offset >= MMIO_BYTES || (offset & 3) != 0) {
            throw new IllegalArgumentException(String.format(
                    "MMIO offset 0x%x is not a word offset in the %d-byte register window", offset, MMIO_BYTES));
        }
    }

    /** Descriptor word 0 from its fields. */
    public static int header(int opcode, int flags, int tag) {
        return (opcode & HEADER_OPCODE_MASK) << HEADER_OPCODE_SHIFT | (flags & HEADER_FLAGS_MASK) << HEADER_FLAGS_SHIFT
                | (tag & HEADER_TAG_MASK) << HEADER_TAG_SHIFT;
    }

    public static int headerOpcode(int w0) { return w0 >>> HEADER_OPCODE_SHIFT & HEADER_OPCODE_MASK; }

    public static int headerFlags(int w0) { return w0 >>> HEADER_FLAGS_SHIFT & HEADER_FLAGS_MASK; }

    public static int headerTag(int w0) { return w0 >>> HEADER_TAG_SHIFT & HEADER_TAG_MASK; }

    /** Completion word 0 from status and tag. */
    public static int completionHeader(CompletionStatus status, int tag) {
        return status.code() | (tag & HEADER_TAG_MASK) << COMP_TAG_SHIFT;
    }
}
