/* The integer softmax of TFLite (reference_ops::Softmax, int8 in and out) on gemmlowp fixed point,
   shared by both softmax_i8 variants (no Xseed instructions). A FixedPoint<int32, I> is a raw
   int32 with 31 - I fractional bits; products of raw values are SRDHM, shifts are RDBPOT or
   saturating left shifts, and additions wrap (gemmlowp uses int32 + whose ranges never overflow
   here). Per row, with d = in[c] - max(row):
     if d >= diff_min: e = exp_on_negative_values(SRDHM(d << input_left_shift, input_mul)) as Q5.26
                       sum += RDBPOT(e, 12)                               (accumulated as Q12.19)
     scale = one_over_one_plus_x(sum << clz(sum) - 2^31), bits = 12 - clz(sum)
     out[c] = d >= diff_min ? clamp(RDBPOT(SRDHM(scale, e), bits + 23) - 128) : -128 */
#ifndef S1K_SOFTMAX_H
#define S1K_SOFTMAX_H

#include "s1k.h"

/* Largest row length: keeps the final division's exponent (bits + 23) at most 31. */
#define S1K_SOFTMAX_MAX_COLS 256

/* SaturatingRoundingMultiplyByPOT<e> for e > 0: a left shift saturating at the int32 range. */
static inline int32_t s1k_fp_sat_shl(int32_t x, int e) {
    int32_t threshold = (int32_t)((1u << (31 - e)) - 1u);
    if (x > threshold) return INT32_MAX;
    if (x < -threshold) return INT32_MIN;
    return s1k_wshl(x, e);
}

/* exp(a) for a in [-1/4, 0), a and the result Q0.31 (gemmlowp's Taylor series around -1/8). */
static inline int32_t s1k_fp_exp_quarter(int32_t a) {
    const int32_t constant_term = 1895147668;     /* exp(-1/8) */
    const int32_t constant_1_over_3 = 715827883;  /* 1/3 */
    int32_t x = s1k_wadd(a, 1 << 28);             /* a + 1/8 */
    int32_t x2 = s1k_srdhm(x, x);
    int32_t x3 = s1k_srdhm(x2, x);
    int32_t x4 = s1k_srdhm(x2, x2);
    int32_t x4_over_4 = s1k_rdbpot(x4, 2);
    int32_t poly = s1k_rdbpot(s1k_wadd(s1k_srdhm(s1k_wadd(x4_over_4, x3), constant_1_over_3), x2), 1);
    return s1k_wadd(constant_term, s1k_srdhm(constant_term, s1k_wadd(x, poly)));
}

/* exp(a) for a <= 0, a Q5.26, the result Q0.31 (gemmlowp exp_on_negative_values). */
static inline int32_t s1k_fp_exp_negative(int32_t a) {
    const int32_t one_quarter = 1 << 24;
    int32_t a_mod_quarter_minus_quarter = s1k_wsub(a & (one_quarter - 1), one_quarter);
    int32_t result = s1k_fp_exp_quarter(s1k_fp_sat_shl(a_mod_quarter_minus_quarter, 5));
    int32_t remainder = s1k_wsub(a_mod_quarter_minus_quarter, a);
    if (remainder & (1 << 24)) result = s1k_srdhm(result, 1672461947); /* exp(-1/4) */
    if (remainder & (1 << 25)) result = s1k_srdhm(result, 1302514674); /* exp(-1/2) */
    if (remainder & (1 << 26)) result = s1k_srdhm(result, 790015084);  /* exp(-1) */
    if (remainder & (1 << 27)) result = s1k_srdhm(result, 290630308);  /* exp(-2) */
    if (remainder & (1 << 28)) result = s1k_srdhm(result, 39332535);   /* exp(-4) */
    if (remainder & (1 << 29)) result = s1k_srdhm(result, 720401);     /* exp(-8) */
    if (remainder & (1 << 30)) result = s1k_srdhm(result, 242);        /* exp(-16) */
    return a == 0 ? INT32_MAX : result;
}

/* 1 / (1 + x) for x in [0, 1), x Q0.31, the result Q0.31 (Newton-Raphson, 3 steps). */
static inline int32_t s1k_fp_one_over_one_plus_x(int32_t a) {
    int64_t sum = (int64_t)a + INT32_MAX;                 /* RoundingHalfSum(a, 1) */
    int32_t half_denominator = (int32_t)(sum >= 0 ? (sum + 1) >> 1 : -((1 - sum) >> 1));
    const int32_t c48_over_17 = 1515870810, cneg32_over_17 = -1010580540; /* Q2.29 */
    int32_t x = s1k_wadd(c48_over_17, s1k_srdhm(half_denominator, cneg32_over_17));
    for (int i = 0; i < 3; i++) {
        int32_t one_minus = s1k_wsub(1 << 29, s1k_srdhm(half_denominator, x));
        x = s1k_wadd(x, s1k_fp_sat_shl(s1k_srdhm(x, one_minus), 2));
    }
    return s1k_fp_sat_shl(x, 1);
}

/* Rescaled input difference as Q5.26: SRDHM(d << left_shift, mul) (the shift wraps). */
static inline int32_t s1k_softmax_scaled(int32_t d, int32_t mul, int32_t left_shift) {
    return s1k_srdhm(s1k_wshl(d, left_shift), mul);
}

/* One row, given its maximum. */
static inline void s1k_softmax_row(const int8_t *in, int8_t *out, uint32_t cols, int32_t max_in_row, int32_t mul,
                                   int32_t left_shift, int32_t diff_min) {
    int32_t sum = 0;
    for (uint32_t c = 0; c < cols; c++) {
        int32_t d = in[c] - max_in_row;
        if (d >= diff_min) sum = s1k_wadd(sum, s1k_rdbpot(s1k_fp_exp_negative(s1k_softmax_scaled(d, mul, left_shift)), 12));
    }
    int headroom_plus_one = s1k_clz32((uint32_t)sum);
    int bits_over_unit = 12 - headroom_plus_one;
    int32_t shifted_minus_one = (int32_t)(((uint32_t)sum << headroom_plus_one) - 0x80000000u);
    int32_t scale = s1k_fp_one_over_one_plus_x(shifted_minus_one);
    for (uint32_t c = 0; c < cols; c++) {
        int32_t d = in[c] - max_in_row;
        if (d >= diff_min) {
            int32_t e = s1k_fp_exp_negative(s1k_softmax_scaled(d, mul, left_shift));
            int32_t unsat = s1k_rdbpot(s1k_srdhm(scale, e), bits_over_unit + 31 - 8);
            out[c] = s1k_clamp_i8(unsat - 128);
        } else {
            out[c] = -128;
        }
    }
}

static inline int s1k_softmax_args_ok(uint32_t rows, uint32_t cols, int32_t mul, int32_t left_shift, int32_t diff_min) {
    return rows > 0 && cols > 0 && cols <= S1K_SOFTMAX_MAX_COLS && mul >= 0 && left_shift >= 0 && left_shift <= 31
           && diff_min <= 0;
}

#endif /* S1K_SOFTMAX_H */
