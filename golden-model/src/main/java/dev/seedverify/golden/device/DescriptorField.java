package dev.seedverify.golden.device;

/** The per-opcode words of a command descriptor (spec §4.2): which word holds what. */
public enum DescriptorField {
    LAUNCH_ENTRY(Opcode.LAUNCH, 1, "entry pc"),
    LAUNCH_A0(Opcode.LAUNCH, 2, "a0 (x10) at entry"),
    LAUNCH_SP(Opcode.LAUNCH, 3, "sp (x2) at entry"),
    LAUNCH_WINDOW_BASE(Opcode.LAUNCH, 4, "window base"),
    LAUNCH_WINDOW_LIMIT(Opcode.LAUNCH, 5, "window limit (exclusive)"),
    LAUNCH_BUDGET(Opcode.LAUNCH, 6, "instruction budget (0 = 2^24)"),
    COPY_SRC(Opcode.COPY, 1, "source address"),
    COPY_DST(Opcode.COPY, 2, "destination address"),
    COPY_LENGTH(Opcode.COPY, 3, "length in bytes"),
    FILL_DST(Opcode.FILL, 1, "destination address"),
    FILL_LENGTH(Opcode.FILL, 2, "length in bytes"),
    FILL_PATTERN(Opcode.FILL, 3, "32-bit pattern: the byte at address a gets pattern byte a mod 4");

    private final Opcode opcode;
    private final int word;
    private final String meaning;

    DescriptorField(Opcode opcode, int word, String meaning) {
        this.opcode = opcode;
        this.word = word;
        this.meaning = meaning;
    }

    public Opcode opcode() { return opcode; }

    /** Descriptor word index (1..6). */
    public int word() { return word; }

    public String meaning() { return meaning; }
}
