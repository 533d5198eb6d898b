package dev.seedverify.kernels.ref;

import dev.seedverify.golden.numerics.Requant;

/**
 * TFLite's integer softmax (reference_ops::Softmax for int8 input and output) on gemmlowp's
 * fixed point, written after gemmlowp's templates: a {@link Fx} value carries its raw int32 and
 * its number of integer bits, so every product's format and every rescaling shift follow from
 * the types as in gemmlowp (the C kernel has them inlined as constants). Products are
 * SaturatingRoundingDoublingHighMul and divisions by powers of two RoundingDivideByPOT, both the
 * golden model's ({@link Requant}, spec §2.4). Shifts of the input difference wrap.
 */
public final class SoftmaxReference {
    /** Integer bits of the scaled input difference (Q5.26) and of the sum of exponentials (Q12.19). */
    static final int DIFF_BITS = 5, ACCUM_BITS = 12;

    private SoftmaxReference() {}

    /** A gemmlowp FixedPoint&lt;int32, integerBits&gt;. */
    record Fx(int raw, int integerBits) {
        int fractionalBits() { return 31 - integerBits; }

        static Fx one(int integerBits) { return new Fx(integerBits == 0 ? Integer.MAX_VALUE : 1 << (31 - integerBits), integerBits); }

        /** 2^exponent in this format (ConstantPOT). */
        static Fx pot(int exponent, int integerBits) { return new Fx(1 << (31 - integerBits + exponent), integerBits); }

        Fx plus(Fx o) { same(o); return new Fx(raw + o.raw, integerBits); }

        Fx minus(Fx o) { same(o); return new Fx(raw - o.raw, integerBits); }

        /** The product has the sum of the integer bits. */
        Fx times(Fx o) { return new Fx(Requant.srdhm(raw, o.raw), integerBits + o.integerBits); }

        /** Rescale&lt;dst&gt;: SaturatingRoundingMultiplyByPOT by (integerBits - dst). */
        Fx rescale(int dst) { return new Fx(multiplyByPot(raw, integerBits - dst), dst); }

        private void same(Fx o) {
            if (o.integerBits != integerBits) throw new IllegalArgumentException("mixed fixed-point formats " + this + ", " + o);
        }
    }

    /** SaturatingRoundingMultiplyByPOT: a saturating left shift, or RoundingDivideByPOT. */
    static int multiplyByPot(int x, int exponent) {
        if (exponent <= 0) return Requant.rdbpot(x, -exponent);
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) return Integer.MAX_VALUE;
        if (x < -threshold) return Integer.MIN_VALUE;
        return x << exponent;
    }

    /** exp(a) for a in [-1/4, 0), Q0.31 (gemmlowp exp_on_interval_between_negative_one_quarter_and_0_excl). */
    static Fx expOnInterval(Fx a) {
        Fx constantTerm = new Fx(1895147668, 0);    // exp(-1/8)
        Fx oneThird = new Fx(715827883, 0);
        Fx x = a.plus(Fx.pot(-3, 0));
        Fx x2 = x.times(x), x3 = x2.times(x), x4 = x2.times(x2);
        Fx x4Over4 = new Fx(multiplyByPot(x4.raw(), -2), 0);
        Fx poly = new Fx(multiplyByPot(x4Over4.plus(x3).times(oneThird).plus(x2).raw(), -1), 0);
        return constantTerm.plus(constantTerm.times(x.plus(poly)));
    }

    /** exp(a) for a &lt;= 0 in Q5.26, result Q0.31 (gemmlowp exp_on_negative_values). */
    static Fx expOnNegative(Fx a) {
        int fractional = a.fractionalBits();
        Fx quarter = Fx.pot(-2, a.integerBits());
        Fx mask = new Fx(quarter.raw() - 1, a.integerBits());
        Fx aModQuarterMinusQuarter = new Fx(a.raw() & mask.raw(), a.integerBits()).minus(quarter);
        Fx result = expOnInterval(aModQuarterMinusQuarter.rescale(0));
        int remainder = aModQuarterMinusQuarter.minus(a).raw();
        int[] multipliers = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242}; // exp(-2^e), e = -2..4
        for (int e = -2; e <= 4; e++) {
            if (a.integerBits() > e && (remainder & (1 << (fractional + e))) != 0) result = result.times(new Fx(multipliers[e + 2], 0));
        }
        return a.raw() == 0 ? Fx.one(0) : result;
    }

    /** 1 / (1 + a) for a in [0, 1), Q0.31 (gemmlowp one_over_one_plus_x_for_x_in_0_1). */
    static Fx oneOverOnePlus(Fx a) {
        long sum = (long) a.raw() + Fx.one(0).raw();
        Fx halfDenominator = new Fx((int) ((sum + (sum >= 0 ? 1 : -1)) / 2), 0);   // RoundingHalfSum
        Fx c48Over17 = new Fx(1515870810, 2), cNeg32Over17 = new Fx(-1010580540, 2);
        Fx x = c48Over17.plus(halfDenominator.times(cNeg32Over17));
        for (int i = 0; i < 3; i++) {
            Fx oneMinus = Fx.one(2).minus(halfDenominator.times(x));
            x = x.plus(x.times(oneMinus).rescale(2));
        }
        return new Fx(x.raw(), 1).rescale(0);             // ExactMulByPot<-1>, then Rescale<0>
    }

    /** Softmax of each row of a rows x cols int8 matrix; output zero point -128, scale 1/256. */
    public static byte[] softmax(byte[] in, int rows, int cols, int inputMul, int inputLeftShift, int diffMin) {
        byte[] out = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            int max = -128;
            for (int c = 0; c < cols; c++) max = Math.max(max, in[r * cols + c]);
            Fx sum = new Fx(0, ACCUM_BITS);
            for (int c = 0; c < cols; c++) {
                int d = in[r * cols + c] - max;
                if (d >= diffMin) sum = sum.plus(expOnNegative(scaledDiff(d, inputMul, inputLeftShift)).rescale(ACCUM_BITS));
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sum.raw());
            int bitsOverUnit = ACCUM_BITS - headroomPlusOne;
            Fx scale = oneOverOnePlus(new Fx((sum.raw() << headroomPlusOne) - Integer.MIN_VALUE, 0));
            for (int c = 0; c < cols; c++) {
                int d = in[r * cols + c] - max;
                int v = -128;
                if (d >= diffMin) {
                    Fx e = expOnNegative(scaledDiff(d, inputMul, inputLeftShift));
                    v = Requant.rdbpot(scale.times(e).raw(), bitsOverUnit + 31 - 8) - 128;
                }
                out[r * cols + c] = (byte) Math.max(-128, Math.min(127, v));
            }
        }
        return out;
    }

    /** MultiplyByQuantizedMultiplierGreaterThanOne: SRDHM(d * 2^leftShift, mul), as Q5.26. */
    static Fx scaledDiff(int d, int mul, int leftShift) { return new Fx(Requant.srdhm(d << leftShift, mul), DIFF_BITS); }
}
