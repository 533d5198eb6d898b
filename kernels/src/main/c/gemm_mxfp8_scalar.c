/* gemm_mxfp8, scalar variant (RV32IM only, no floating point unit): the semantics of
   gemm_mxfp8.c computed element by element in integer arithmetic, exactly as spec §2.4 defines
   tmma.e4m3:
     1. a scale 0xFF, a NaN code (S.1111.111) in either row block, or a NaN accumulator: the
        accumulator becomes the canonical NaN 0x7FC00000;
     2. P = sum of q(a) * q(b) over the block, exact (q: the code in units of 2^-9);
     3. blk = P * 2^(sa + sb - 254 - 18) rounded once to binary32 (nearest even, subnormals kept,
        overflow to infinity, P = 0 gives +0);
     4. acc = acc + blk in binary32 (nearest even; infinity - infinity is the canonical NaN). */
#include "s1k.h"

#define F32_NAN 0x7FC00000u
#define F32_INF 0x7F800000u

/* q of an E4M3 code: e = 0 -> m; else (8 + m) * 2^(e - 1); negated if the sign is set. */
static int32_t e4m3_q(uint8_t code) {
    int32_t e = (code >> 3) & 0xF, mant = code & 7;
    int32_t q = e == 0 ? mant : (8 + mant) << (e - 1);
    return (code & 0x80) ? -q : q;
}

static int e4m3_nan(uint8_t code) { return (code & 0x7F) == 0x7F; }

/* Rounds mag (< 2^48) right by `shift` bits (1..63) to nearest even; mag given as hi:lo. */
static uint32_t round_shift(uint32_t hi, uint32_t lo, int shift) {
    uint32_t q, rem_hi, rem_lo, half_hi, half_lo;
    if (shift >= 32) {
        int s = shift - 32;
        q = s == 0 ? hi : hi >> s;
        rem_hi = s == 0 ? 0 : hi & ((1u << s) - 1);
        rem_lo = lo;
        half_hi = s == 0 ? 0 : 1u << (s - 1);
        half_lo = s == 0 ? 0x80000000u : 0;
    } else {
        q = (lo >> shift) | (hi << (32 - shift));
        rem_hi = 0;
        rem_lo = lo & ((1u << shift) - 1);
        half_hi = 0;
        half_lo = 1u << (shift - 1);
    }
    int above = rem_hi > half_hi || (rem_hi == half_hi && rem_lo > half_lo);
    int tie = rem_hi == half_hi && rem_lo == half_lo;
    if (above || (tie && (q & 1))) q++;
    return q;
}

/* Step 3: the binary32 nearest to p * 2^e2 (|p| < 2^42). */
static uint32_t f32_round_scaled(int64_t p, int e2) {
    if (p == 0) return 0;
    uint32_t sign = p < 0 ? 0x80000000u : 0;
    uint64_t mag = p < 0 ? (uint64_t)(-p) : (uint64_t)p;
    uint32_t hi = (uint32_t)(mag >> 32), lo = (uint32_t)mag;
    int lead = hi ? 63 - s1k_clz32(hi) : 31 - s1k_clz32(lo); /* bit index of the leading one */
    int exp = lead + e2;                                     /* value in [2^exp, 2^(exp+1)) */
    if (exp > 127) return sign | F32_INF;
    int normal = exp >= -126;
    /* Bits to drop so that the lowest kept bit weighs 2^(exp-23) (normal) or 2^-149 (subnormal). */
    int shift = normal ? lead - 23 : -149 - e2;
    uint32_t sig;
    if (shift <= 0) {
        sig = lo << -shift; /* at most 24 significant bits: exact, and lead <= 23 so hi == 0 */
    } else if (shift > 48) {
        return sign; /* below half of the smallest subnormal: a zero of p's sign */
    } else {
        sig = round_shift(hi, lo, shift);
    }
    if (normal) {
        if (sig == (1u << 24)) { sig >>= 1; exp++; } /* rounding carried into a new binade */
        if (exp > 127) return sign | F32_INF;
        return sign | (uint32_t)(exp + 127) << 23 | (sig & 0x7FFFFF);
    }
    /* Subnormal: sig counts units of 2^-149; 2^23 of them is the smallest normal, exponent field 1. */
    return sign | sig;
}

/* Step 4: binary32 a + b, nearest even, subnormals kept, canonical NaN. */
static uint32_t f32_add(uint32_t a, uint32_t b) {
    uint32_t ma = a & 0x7FFFFFFF, mb = b & 0x7FFFFFFF;
    if (ma > F32_INF || mb > F32_INF) return F32_NAN;
    if (ma == F32_INF) return (mb == F32_INF && ((a ^ b) >> 31)) ? F32_NAN : a;
    if (mb == F32_INF) return b;
    if (ma == 0 && mb == 0) return a & b & 0x80000000u; /* -0 only for -0 + -0 */
    if (ma == 0) return b;
    if (mb == 0) return a;
    if (ma < mb) {
        uint32_t t = a; a = b; b = t;
        t = ma; ma = mb; mb = t;
    }
    uint32_t sign = a & 0x80000000u;
    int ea = (int)(ma >> 23), eb = (int)(mb >> 23);
    /* Significands with 6 guard bits below the binary32 grid; a subnormal has exponent 1. */
    uint32_t x = ((ma & 0x7FFFFF) | (ea ? 0x800000u : 0)) << 6;
    uint32_t y = ((mb & 0x7FFFFF) | (eb ? 0x800000u : 0)) << 6;
    if (ea == 0) ea = 1;
    if (eb == 0) eb = 1;
    int d = ea - eb;
    if (d > 0) y = d >= 31 ? (y != 0) : (y >> d) | ((y & ((1u << d) - 1)) != 0); /* sticky bit 0 */
    uint32_t s = ((a ^ b) >> 31) ? x - y : x + y;
    if (s == 0) return 0; /* exact cancellation: +0 */
    int e = ea;
    if (s >= (1u << 30)) { s = (s >> 1) | (s & 1); e++; }
    while (s < (1u << 29) && e > 1) { s <<= 1; e--; }
    uint32_t rem = s & 63, q = s >> 6;
    if (rem > 32 || (rem == 32 && (q & 1))) q++;
    if (q == (1u << 24)) { q >>= 1; e++; }
    if (e >= 255) return sign | F32_INF;
    if (q < (1u << 23)) return sign | q; /* subnormal (e == 1) */
    return sign | (uint32_t)e << 23 | (q & 0x7FFFFF);
}

int32_t s1k_gemm_mxfp8_scalar(const struct s1k_gemm_mxfp8_args *p) {
    const uint32_t m = p->m, n = p->n, k = p->k;
    if (m == 0 || n == 0 || k == 0) return S1K_BAD_ARGUMENTS;
    const uint32_t nb = (k + 31) / 32;
    for (uint32_t i = 0; i < m; i++) {
        for (uint32_t j = 0; j < n; j++) {
            uint32_t acc = 0;
            for (uint32_t b = 0; b < nb; b++) {
                uint32_t sa = p->a_scale[i * nb + b], sb = p->b_scale[j * nb + b];
                int nan = sa == 0xFF || sb == 0xFF || (acc & 0x7FFFFFFF) > F32_INF;
                int64_t sum = 0;
                for (uint32_t kk = 32 * b; kk < 32 * b + 32 && kk < k; kk++) {
                    uint8_t x = p->a[i * k + kk], y = p->b[j * k + kk];
                    nan |= e4m3_nan(x) | e4m3_nan(y);
                    sum += (int64_t)e4m3_q(x) * e4m3_q(y);
                }
                acc = nan ? F32_NAN : f32_add(acc, f32_round_scaled(sum, (int)sa + (int)sb - 254 - 18));
            }
            p->c[i * n + j] = acc;
        }
    }
    return S1K_OK;
}
