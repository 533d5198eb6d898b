package dev.seedverify.golden.device;

/**
 * The device's MMIO registers (spec §4.1): the one definition of their offsets, access and reset
 * values. The host reaches them over a 32-bit bus; the core cannot reach them.
 */
public enum MmioRegister {
    ID(0x00, Access.RO, "device identification"),
    DRAM_KIB(0x04, Access.RO, "DRAM size in KiB"),
    STATUS(0x08, Access.RO, "bit 0 BUSY (a command is executing), bit 1 QERR (queue misconfigured)"),
    CQ_BASE(0x10, Access.RW, "DRAM address of the command ring, 32-byte aligned"),
    CQ_ENTRIES(0x14, Access.RW, "ring entries, a power of two 1..65536"),
    CQ_TAIL(0x18, Access.RW, "doorbell: the index after the last valid entry"),
    CQ_HEAD(0x1C, Access.RO, "index of the next entry the device consumes"),
    IRQ_STATUS(0x20, Access.RW1C, "bit 0 DONE, bit 1 ERROR; a 1 written clears the bit"),
    IRQ_ENABLE(0x24, Access.RW, "mask of IRQ_STATUS for the irq output"),
    DONE_COUNT(0x28, Access.RO, "commands completed since reset (wraps)");

    /** How the host may access a register. */
    public enum Access {
        /** Read-only: writes are ignored. */
        RO,
        /** Read/write. */
        RW,
        /** Read; a 1 written to a bit clears it. */
        RW1C
    }

    private static final MmioRegister[] BY_WORD = new MmioRegister[DeviceTable.MMIO_BYTES / 4];

    static {
        for (MmioRegister r : values()) BY_WORD[r.offset >>> 2] = r;
    }

    private final int offset;
    private final Access access;
    private final String meaning;

    MmioRegister(int offset, Access access, String meaning) {
        this.offset = offset;
        this.access = access;
        this.meaning = meaning;
    }

    /** Byte offset in the MMIO window. */
    public int offset() { return offset; }

    public Access access() { return access; }

    public String meaning() { return meaning; }

    /**
     * The register at byte {@code offset}, or null for an unmapped word of the window (reads 0,
     * writes ignored). The offset must be a word offset inside the window.
     */
    public static MmioRegister at(int offset) {
        DeviceTable.requireMmioOffset(offset);
        return BY_WORD[offset >>> 2];
    }
}
