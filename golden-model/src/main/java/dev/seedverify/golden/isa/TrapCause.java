package dev.seedverify.golden.isa;

/** Trap causes of the S1 (spec §1.1): the one definition of the mcause codes. */
public enum TrapCause {
    FETCH_MISALIGNED(0),
    FETCH_ACCESS(1),
    ILLEGAL_INSTRUCTION(2),
    BREAKPOINT(3),
    LOAD_MISALIGNED(4),
    LOAD_ACCESS(5),
    STORE_MISALIGNED(6),
    STORE_ACCESS(7),
    ECALL(11);

    private static final TrapCause[] BY_CODE = new TrapCause[16];

    static {
        for (TrapCause c : values()) BY_CODE[c.code] = c;
    }

    private final int code;

    TrapCause(int code) { this.code = code; }

    /** The mcause value. */
    public int code() { return code; }

    /** The cause with mcause {@code code}, or null. */
    public static TrapCause of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
