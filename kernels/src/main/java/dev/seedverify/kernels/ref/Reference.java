package dev.seedverify.kernels.ref;

import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.E4M3Block;
import dev.seedverify.golden.numerics.Requant;

/**
 * The exact reference of every kernel, written from the kernels' documented semantics
 * (kernels/README.md), not from their C: Java int arithmetic (which wraps modulo 2^32 exactly
 * where the kernels' int32 accumulation is defined to wrap), and the golden model's numerics
 * classes where spec §2.4 defines a rounding ({@link Requant} for requant, SRDHM and RDBPOT,
 * {@link E4M3Block} and {@link Binary32} for the MXFP8 block product and accumulation). Tensors
 * are row-major byte arrays as in device memory; int32 and binary32 tensors are int arrays.
 */
public final class Reference {
    private Reference() {}

    /** requant(x) of spec §2.4 (double rounding, zero point, clamp to int8). */
    public static byte requant(int x, int mul, int shift, int zp) {
        return (byte) Requant.value(Requant.requant(x, mul, shift, zp));
    }

    /** c[i][j] = requant(bias[j] + sum_k (a[i][k] - aZp) * b[j][k]). */
    public static byte[] gemmI8(int m, int n, int k, byte[] a, byte[] b, int[] bias, int aZp, int mul, int shift, int zp) {
        byte[] c = new byte[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int acc = bias[j];
                for (int kk = 0; kk < k; kk++) acc += (a[i * k + kk] - aZp) * b[j * k + kk];
                c[i * n + j] = requant(acc, mul, shift, zp);
            }
        }
        return c;
    }

    /**
     * c[i][j]: from +0, for each 32-wide block of k, the tmma.e4m3 element step of spec §2.4 with
     * that block of row i of a and row j of b (zero codes past k) and their block scales.
     */
    public static int[] gemmMxfp8(int m, int n, int k, byte[] a, byte[] b, byte[] aScale, byte[] bScale) {
        int blocks = (k + 31) / 32;
        int[] c = new int[m * n];
        byte[] rows = new byte[2 * E4M3Block.K];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int acc = 0;
                for (int blk = 0; blk < blocks; blk++) {
                    for (int kk = 0; kk < E4M3Block.K; kk++) {
                        int col = blk * E4M3Block.K + kk;
                        rows[kk] = col < k ? a[i * k + col] : 0;
                        rows[E4M3Block.K + kk] = col < k ? b[j * k + col] : 0;
                    }
                    acc = Binary32.result(E4M3Block.element(acc, rows, 0, E4M3Block.K, aScale[i * blocks + blk], bScale[j * blocks + blk]));
                }
                c[i * n + j] = acc;
            }
        }
        return c;
    }

    /** Shape and parameters of a convolution (conv2d and depthwise). */
    public record ConvShape(int h, int w, int c, int kh, int kw, int oh, int ow, int strideH, int strideW, int padTop, int padLeft,
                            int dilH, int dilW) {
        /** Input row of output row oy and filter row ky. */
        int iy(int oy, int ky) { return oy * strideH - padTop + ky * dilH; }

        int ix(int ox, int kx) { return ox * strideW - padLeft + kx * dilW; }

        boolean inside(int y, int x) { return y >= 0 && y < h && x >= 0 && x < w; }
    }

    /** out[oy][ox][co] = requant(bias[co] + sum over the window and cin of (x - inZp) * f[co][ky][kx][ci]); outside the input x = inZp. */
    public static byte[] conv2d(ConvShape s, int cout, byte[] in, byte[] filter, int[] bias, int inZp, int mul, int shift, int zp) {
        byte[] out = new byte[s.oh() * s.ow() * cout];
        for (int oy = 0; oy < s.oh(); oy++) {
            for (int ox = 0; ox < s.ow(); ox++) {
                for (int co = 0; co < cout; co++) {
                    int acc = bias[co];
                    for (int ky = 0; ky < s.kh(); ky++) {
                        for (int kx = 0; kx < s.kw(); kx++) {
                            int y = s.iy(oy, ky), x = s.ix(ox, kx);
                            for (int ci = 0; ci < s.c(); ci++) {
                                int v = s.inside(y, x) ? in[(y * s.w() + x) * s.c() + ci] : inZp;
                                acc += (v - inZp) * filter[((co * s.kh() + ky) * s.kw() + kx) * s.c() + ci];
                            }
                        }
                    }
                    out[(oy * s.ow() + ox) * cout + co] = requant(acc, mul, shift, zp);
                }
            }
        }
        return out;
    }

    /** out[oy][ox][ch] = requant(bias[ch] + sum over the window of (x - inZp) * f[ky][kx][ch]). */
    public static byte[] depthwise(ConvShape s, byte[] in, byte[] filter, int[] bias, int inZp, int mul, int shift, int zp) {
        byte[] out = new byte[s.oh() * s.ow() * s.c()];
        for (int oy = 0; oy < s.oh(); oy++) {
            for (int ox = 0; ox < s.ow(); ox++) {
                for (int ch = 0; ch < s.c(); ch++) {
                    int acc = bias[ch];
                    for (int ky = 0; ky < s.kh(); ky++) {
                        for (int kx = 0; kx < s.kw(); kx++) {
                            int y = s.iy(oy, ky), x = s.ix(ox, kx);
                            int v = s.inside(y, x) ? in[(y * s.w() + x) * s.c() + ch] : inZp;
                            acc += (v - inZp) * filter[(ky * s.kw() + kx) * s.c() + ch];
                        }
                    }
                    out[(oy * s.ow() + ox) * s.c() + ch] = requant(acc, mul, shift, zp);
                }
            }
        }
        return out;
    }

    /** min(max(x, lo), hi) elementwise (ReLU: hi = 127). */
    public static byte[] clamp(byte[] in, int lo, int hi) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) out[i] = (byte) Math.min(Math.max(in[i], lo), hi);
        return out;
    }

    /** Max or average pooling over the window positions inside the input (dilation 1). */
    public static byte[] pool(ConvShape s, byte[] in, boolean average) {
        byte[] out = new byte[s.oh() * s.ow() * s.c()];
        for (int oy = 0; oy < s.oh(); oy++) {
            for (int ox = 0; ox < s.ow(); ox++) {
                for (int ch = 0; ch < s.c(); ch++) {
                    int max = Integer.MIN_VALUE, sum = 0, count = 0;
                    for (int ky = 0; ky < s.kh(); ky++) {
                        for (int kx = 0; kx < s.kw(); kx++) {
                            int y = s.iy(oy, ky), x = s.ix(ox, kx);
                            if (!s.inside(y, x)) continue;
                            int v = in[(y * s.w() + x) * s.c() + ch];
                            max = Math.max(max, v);
                            sum += v;
                            count++;
                        }
                    }
                    if (count == 0) throw new IllegalArgumentException("pooling window of output (" + oy + ", " + ox + ") holds no input");
                    int v = average ? roundedDivide(sum, count) : max;
                    out[(oy * s.ow() + ox) * s.c() + ch] = (byte) Math.max(-128, Math.min(127, v));
                }
            }
        }
        return out;
    }

    /** TFLite's average: the quotient rounded half away from zero. */
    static int roundedDivide(int sum, int count) {
        // |sum| / count rounded half up, with the sign of sum: what (sum +- count/2) / count truncating gives
        int q = (Math.abs(sum) + count / 2) / count;
        return sum > 0 ? q : -q;
    }

    /** TFLite's int8 ADD: both inputs rescaled to a common scale, added, requantised. */
    public static byte[] add(byte[] in1, byte[] in2, int zp1, int zp2, int leftShift, int mul1, int shift1, int mul2, int shift2,
                             int outMul, int outShift, int outZp) {
        byte[] out = new byte[in1.length];
        for (int i = 0; i < in1.length; i++) {
            int s1 = Requant.rdbpot(Requant.srdhm((in1[i] - zp1) << leftShift, mul1), -shift1);
            int s2 = Requant.rdbpot(Requant.srdhm((in2[i] - zp2) << leftShift, mul2), -shift2);
            out[i] = requant(s1 + s2, outMul, outShift, outZp);
        }
        return out;
    }
}
