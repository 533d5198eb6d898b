package dev.seedverify.kernels.cases;

import java.util.SplittableRandom;

/** Little-endian packing and data generators shared by the cases. */
public final class Tensors {
    private Tensors() {}

    public static byte[] words(int[] v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            b[4 * i] = (byte) v[i];
            b[4 * i + 1] = (byte) (v[i] >>> 8);
            b[4 * i + 2] = (byte) (v[i] >>> 16);
            b[4 * i + 3] = (byte) (v[i] >>> 24);
        }
        return b;
    }

    public static int word(byte[] b, int i) {
        return (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | b[4 * i + 3] << 24;
    }

    /** int8 data: mostly uniform, with -128, 127, -1, 0 and 1 over-represented. */
    public static byte[] int8(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(20);
            b[i] = (byte) switch (p) {
                case 0 -> -128;
                case 1 -> 127;
                case 2 -> -1;
                case 3 -> 0;
                default -> r.nextInt(-128, 128);
            };
        }
        return b;
    }

    public static int[] int32(SplittableRandom r, int n, int bound) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(-bound, bound + 1);
        return v;
    }

    /** A short rendering of a byte tensor for messages: the first elements and the length. */
    public static String preview(byte[] b) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(b.length, 24); i++) s.append(i == 0 ? "" : ",").append(b[i]);
        return s.append(b.length > 24 ? ",... (" + b.length + ")]" : "]").toString();
    }

    public static String preview(int[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 12); i++) s.append(i == 0 ? "" : ",").append(v[i]);
        return s.append(v.length > 12 ? ",... (" + v.length + ")]" : "]").toString();
    }
}
