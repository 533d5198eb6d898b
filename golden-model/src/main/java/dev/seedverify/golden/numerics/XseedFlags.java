package dev.seedverify.golden.numerics;

/**
 * Exception flags of the Xseed numerics, in the bit layout of the {@code xsstat} CSR
 * (spec §2.3): bit 0 SAT, bit 1 NV. Every numerics routine that can raise a flag returns
 * these bits so that the executor can OR them straight into {@code xsstat}.
 */
public final class XseedFlags {

    /** xsstat bit 0: a result was saturated (requant clamp, to_e4m3 overflow or ±∞ input). */
    public static final int SAT = 1;

    /** xsstat bit 1: invalid operation / NaN produced or consumed. */
    public static final int NV = 2;

    private XseedFlags() {
    }
}
