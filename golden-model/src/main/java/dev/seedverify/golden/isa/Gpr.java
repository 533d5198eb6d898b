package dev.seedverify.golden.isa;

import java.util.HashMap;
import java.util.Map;

/** Names of the 32 integer registers (ABI names as objdump prints them, and x0..x31). */
public final class Gpr {
    public static final int COUNT = 32;
    public static final int ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, A0 = 10, A1 = 11;

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"
    };
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int i = 0; i < COUNT; i++) {
            BY_NAME.put(ABI[i], i);
            BY_NAME.put("x" + i, i);
        }
        BY_NAME.put("fp", 8);
    }

    private Gpr() {}

    public static String name(int index) { return ABI[index]; }

    /** Register number for an ABI or x-name, or -1. */
    public static int parse(String name) { return BY_NAME.getOrDefault(name, -1); }
}
