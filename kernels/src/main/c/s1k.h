/* Common scalar helpers of the kernel library (no Xseed instructions: the scalar variants use
   them too). Every integer rule here is the spec's (§2.4) or TFLite's, written for 32-bit RISC-V
   without libgcc: no 64-bit division, no 64-bit shifts by a variable amount, no count-leading-
   zeros builtin (each would be a library call on RV32IM). */
#ifndef S1K_H
#define S1K_H

#include <stdint.h>
#include "s1_kernels.h"

#define S1K_MIN(a, b) ((a) < (b) ? (a) : (b))
#define S1K_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Wrapping int32 arithmetic (the tile unit wraps; signed overflow is undefined in C). */
static inline int32_t s1k_wadd(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static inline int32_t s1k_wsub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static inline int32_t s1k_wmul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static inline int32_t s1k_wshl(int32_t a, int n) { return (int32_t)((uint32_t)a << n); }

static inline int8_t s1k_clamp_i8(int32_t v) { return (int8_t)(v < -128 ? -128 : v > 127 ? 127 : v); }

/* SaturatingRoundingDoublingHighMul (spec §2.4, gemmlowp): a = b = -2^31 gives 2^31 - 1; else
   (a*b + nudge) / 2^31 with C's truncating division, nudge = 2^30 or 1 - 2^30 by the product's
   sign. The division is written as an arithmetic shift corrected towards zero. */
static inline int32_t s1k_srdhm(int32_t a, int32_t b) {
    if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
    int64_t p = (int64_t)a * (int64_t)b;
    int64_t s = p + (p >= 0 ? (int64_t)(1 << 30) : (int64_t)(1 - (1 << 30)));
    int64_t q = s >> 31;
    if (s < 0 && (s & 0x7FFFFFFF) != 0) q += 1;
    return (int32_t)q;
}

/* RoundingDivideByPOT (spec §2.4), exponent 0..31: x / 2^e rounded to nearest, ties away from 0. */
static inline int32_t s1k_rdbpot(int32_t x, int e) {
    int32_t mask = (int32_t)(((uint32_t)1 << e) - 1u);
    int32_t rem = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + (rem > threshold ? 1 : 0);
}

/* requant(x) of tquant.i8 (spec §2.4): TFLite's double rounding, then + zero point and clamp. */
static inline int8_t s1k_requant(int32_t x, int32_t mul, int32_t shift, int32_t zp) {
    int left = shift > 0 ? shift : 0;
    int right = shift < 0 ? -shift : 0;
    int32_t v = s1k_rdbpot(s1k_srdhm(s1k_wshl(x, left), mul), right);
    int64_t r = (int64_t)v + zp;
    return (int8_t)(r < -128 ? -128 : r > 127 ? 127 : r);
}

/* The ranges the requant CSRs hold (spec §2.3); parameters outside them are rejected, not clamped. */
static inline int s1k_requant_params_ok(int32_t shift, int32_t zp) {
    return shift >= -31 && shift <= 30 && zp >= -128 && zp <= 127;
}

static inline int s1k_zp_ok(int32_t zp) { return zp >= -128 && zp <= 127; }

/* Leading zeros of a 32-bit value (32 for 0), without a library call. */
static inline int s1k_clz32(uint32_t x) {
    int n = 0;
    if (x == 0) return 32;
    if ((x & 0xFFFF0000u) == 0) { n += 16; x <<= 16; }
    if ((x & 0xFF000000u) == 0) { n += 8; x <<= 8; }
    if ((x & 0xF0000000u) == 0) { n += 4; x <<= 4; }
    if ((x & 0xC0000000u) == 0) { n += 2; x <<= 2; }
    if ((x & 0x80000000u) == 0) { n += 1; }
    return n;
}

/* Pooling windows: rows [start, end) of the input that the window of output row o covers. */
static inline void s1k_window(uint32_t o, uint32_t stride, uint32_t pad, uint32_t k, uint32_t size,
                              int32_t *start, int32_t *end) {
    int32_t s = (int32_t)(o * stride) - (int32_t)pad;
    int32_t e = s + (int32_t)k;
    *start = s < 0 ? 0 : s;
    *end = e > (int32_t)size ? (int32_t)size : e;
}

/* Pooling arguments: every window holds at least one input position. */
static inline int s1k_pool_args_ok(uint32_t h, uint32_t w, uint32_t c, uint32_t kh, uint32_t kw, uint32_t oh, uint32_t ow,
                                   uint32_t sh, uint32_t sw, uint32_t pt, uint32_t pl) {
    if (h == 0 || w == 0 || c == 0 || kh == 0 || kw == 0 || oh == 0 || ow == 0 || sh == 0 || sw == 0) return 0;
    if (pt >= kh || pl >= kw) return 0;
    return (int32_t)((oh - 1) * sh) - (int32_t)pt < (int32_t)h && (int32_t)((ow - 1) * sw) - (int32_t)pl < (int32_t)w;
}

/* Convolution arguments (shared by conv2d and depthwise). */
static inline int s1k_conv_args_ok(uint32_t h, uint32_t w, uint32_t c, uint32_t kh, uint32_t kw, uint32_t oh, uint32_t ow,
                                   uint32_t sh, uint32_t sw, uint32_t dh, uint32_t dw) {
    return h && w && c && kh && kw && oh && ow && sh && sw && dh && dw;
}

#endif /* S1K_H */
