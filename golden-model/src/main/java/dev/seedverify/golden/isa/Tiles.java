package dev.seedverify.golden.isa;

/** Geometry of the Xseed tile registers (spec §2.1). */
public final class Tiles {
    public static final int COUNT = 8;
    public static final int ROWS = 8;
    public static final int ROW_BYTES = 32;
    public static final int TILE_BYTES = ROWS * ROW_BYTES;
    public static final int WORDS = TILE_BYTES / 4;
    /** 32-bit words per row: the i32/f32 view's columns. */
    public static final int WORDS_PER_ROW = ROW_BYTES / 4;
    /** Bytes per row written by {@code tstn}. */
    public static final int NARROW_ROW_BYTES = 8;

    private Tiles() {}

    public static String name(int index) { return "m" + index; }
}
