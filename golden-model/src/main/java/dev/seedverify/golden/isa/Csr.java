package dev.seedverify.golden.isa;

import java.util.HashMap;
import java.util.Map;

/**
 * Every CSR of the S1 (spec §1.1 and §2.3): the one definition of CSR numbers and names.
 * Any number not listed here is an illegal instruction.
 */
public enum Csr {
    MSTATUS(0x300, "mstatus", false),
    MISA(0x301, "misa", true),
    MIE(0x304, "mie", false),
    MTVEC(0x305, "mtvec", false),
    MSCRATCH(0x340, "mscratch", false),
    MEPC(0x341, "mepc", false),
    MCAUSE(0x342, "mcause", false),
    MTVAL(0x343, "mtval", false),
    MIP(0x344, "mip", false),
    MCYCLE(0xB00, "mcycle", false),
    MINSTRET(0xB02, "minstret", false),
    MCYCLEH(0xB80, "mcycleh", false),
    MINSTRETH(0xB82, "minstreth", false),
    CYCLE(0xC00, "cycle", true),
    INSTRET(0xC02, "instret", true),
    CYCLEH(0xC80, "cycleh", true),
    INSTRETH(0xC82, "instreth", true),
    MVENDORID(0xF11, "mvendorid", true),
    MARCHID(0xF12, "marchid", true),
    MIMPID(0xF13, "mimpid", true),
    MHARTID(0xF14, "mhartid", true),
    XSSTAT(0x7C0, "xsstat", false),
    XSQMUL(0x7C1, "xsqmul", false),
    XSQSHIFT(0x7C2, "xsqshift", false),
    XSQZP(0x7C3, "xsqzp", false),
    XSASCL0(0x7C4, "xsascl0", false),
    XSASCL1(0x7C5, "xsascl1", false),
    XSBSCL0(0x7C6, "xsbscl0", false),
    XSBSCL1(0x7C7, "xsbscl1", false);

    /** Fixed field values of CSRs (spec §1.1). */
    public static final int MISA_VALUE = 0x40801100;
    public static final int MSTATUS_MIE = 1 << 3;
    public static final int MSTATUS_MPIE = 1 << 7;
    /** MPP always reads 3 (machine mode only). */
    public static final int MSTATUS_MPP = 3 << 11;
    /** Writable bits of xsstat: SAT (bit 0) and NV (bit 1). */
    public static final int XSSTAT_MASK = 3;
    public static final int XSQSHIFT_MIN = -31, XSQSHIFT_MAX = 30;
    public static final int XSQZP_MIN = -128, XSQZP_MAX = 127;

    private static final Map<Integer, Csr> BY_ADDRESS = new HashMap<>();
    private static final Map<String, Csr> BY_NAME = new HashMap<>();
    private static final Csr[] TABLE = new Csr[4096];

    static {
        for (Csr c : values()) {
            BY_ADDRESS.put(c.address, c);
            BY_NAME.put(c.mnemonic, c);
            TABLE[c.address] = c;
        }
    }

    private final int address;
    private final String mnemonic;
    private final boolean readOnly;

    Csr(int address, String mnemonic, boolean readOnly) {
        this.address = address;
        this.mnemonic = mnemonic;
        this.readOnly = readOnly;
    }

    public int address() { return address; }

    /** The assembly name, e.g. {@code mstatus}. */
    public String mnemonic() { return mnemonic; }

    /** A write (including csrrs/csrrc with a non-zero source register) is an illegal instruction. */
    public boolean readOnly() { return readOnly; }

    /** Values whose reads are implementation-defined (spec §1.1): synchronised from the DUT, never compared. */
    public boolean implementationDefined() {
        return this == MCYCLE || this == MCYCLEH || this == CYCLE || this == CYCLEH;
    }

    public boolean xseed() { return address >= 0x7C0 && address <= 0x7C7; }

    /** The CSR at {@code address}, or null if the number names no CSR of the S1. */
    public static Csr byAddress(int address) {
        return address >= 0 && address < TABLE.length ? TABLE[address] : null;
    }

    public static Csr byName(String name) { return BY_NAME.get(name); }
}
