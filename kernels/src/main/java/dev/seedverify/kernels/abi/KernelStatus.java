package dev.seedverify.kernels.abi;

/**
 * What a kernel returns in a0 at its {@code ecall} (the completion record's result word):
 * generated into {@code s1_kernels.h} as {@code S1K_<name>}.
 */
public enum KernelStatus {
    OK(0, "the outputs are written"),
    BAD_ARGUMENTS(1, "an argument is out of its documented range; nothing is written");

    private final int code;
    private final String meaning;

    KernelStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() { return code; }

    public String meaning() { return meaning; }

    /** The status with {@code code}, or null. */
    public static KernelStatus of(int code) {
        for (KernelStatus s : values()) if (s.code == code) return s;
        return null;
    }
}
