package dev.seedverify.kernels.ref;

/**
 * How TFLite turns real scales into the integer parameters the kernels take (QuantizeMultiplier,
 * PreprocessSoftmaxScaling, CalculateInputRadius): used to make realistic test parameters; the
 * kernels and references take the integers as given.
 */
public final class QuantParams {
    private QuantParams() {}

    /** A multiplier in [2^30, 2^31) and a shift with real = multiplier * 2^(shift - 31); real > 0. */
    public record Multiplier(int multiplier, int shift) {}

    /** TFLite QuantizeMultiplier. */
    public static Multiplier quantize(double real) {
        if (!(real > 0)) throw new IllegalArgumentException("multiplier must be positive: " + real);
        int exponent = Math.getExponent(real) + 1;            // frexp: real = q * 2^exponent, q in [0.5, 1)
        double q = real / Math.pow(2, exponent);
        long fixed = Math.round(q * (1L << 31));
        if (fixed == (1L << 31)) {
            fixed /= 2;
            exponent++;
        }
        if (exponent < -31) return new Multiplier(0, 0);
        return new Multiplier((int) fixed, exponent);
    }

    /** Softmax input parameters for beta and the input scale: multiplier, left shift and diff_min. */
    public record Softmax(int multiplier, int leftShift, int diffMin) {}

    public static Softmax softmax(double beta, double inputScale) {
        double real = Math.min(beta * inputScale * (1L << (31 - SoftmaxReference.DIFF_BITS)), (1L << 31) - 1.0);
        Multiplier m = quantize(real);
        int leftShift = Math.max(0, m.shift());
        double maxRescaled = 1.0 * ((1 << SoftmaxReference.DIFF_BITS) - 1) * (1L << (31 - SoftmaxReference.DIFF_BITS))
                / (1L << leftShift);
        return new Softmax(m.multiplier(), leftShift, -(int) Math.floor(maxRescaled));
    }
}
