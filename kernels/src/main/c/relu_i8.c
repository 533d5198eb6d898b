/* relu_i8 and relu6_i8, Xseed variants.
     relu:  out[i] = max(in[i], lo)            (lo = the output zero point)
     relu6: out[i] = min(max(in[i], lo), hi)   (hi = the quantised 6)
   The data is taken 256 bytes at a time as an 8 x 32 tile and in 4 column groups of 8:
   tmma.i8 with the selection matrix widens 8 x 8 int8 to int32 (a tld of the group's address
   puts its 8 bytes first in each row), tmax.i32 with a tile of lo takes the maximum, and
   tquant.i8 with the identity requant (multiplier 2^30, shift 1, zero point 0) narrows back
   exactly. The upper bound uses the narrowing clamp: tadd.i32 of 127 - hi makes hi the clamp's
   127, then the result is widened again, 127 - hi subtracted and narrowed exactly (skipped for
   relu, where hi = 127). */
#include "s1k_tile.h"

enum { T_A = 0, T_SEL = 1, T_W = 2, T_Q = 3, T_LO = 4, T_UP = 5, T_DOWN = 6 };

/* Bytes a tld of a 32-byte-stride block reads past its 256: the last group's row starts 24 bytes in. */
#define GROUP_SLACK 24

static int32_t clamp_i8(const int8_t *in, int8_t *out, uint32_t n, int32_t lo, int32_t hi) {
    int8_t pack[256 + GROUP_SLACK] __attribute__((aligned(4)));
    int8_t tmp[256] __attribute__((aligned(4)));
    int32_t lo_row[8] __attribute__((aligned(4)));
    int32_t up_row[8] __attribute__((aligned(4)));
    int32_t down_row[8] __attribute__((aligned(4)));
    s1k_set_requant(1 << 30, 1, 0);
    xs_tld(T_SEL, s1k_select8, 32);
    s1k_splat(lo_row, lo);
    xs_tld(T_LO, lo_row, 0);
    s1k_splat(up_row, 127 - hi);
    xs_tld(T_UP, up_row, 0);
    s1k_splat(down_row, hi - 127);
    xs_tld(T_DOWN, down_row, 0);
    for (uint32_t off = 0; off < n; off += 256) {
        const int8_t *src = in + off;
        int8_t *dst = out + off;
        int whole = off + 256 + GROUP_SLACK <= n && (((s1k_addr)src | (s1k_addr)dst) & 3) == 0;
        if (!whole) {
            xs_fence();
            for (uint32_t i = 0; i < 256 + GROUP_SLACK; i++) pack[i] = off + i < n ? src[i] : 0;
            xs_fence();
            src = pack;
        }
        for (uint32_t g = 0; g < 32; g += 8) {
            xs_tld(T_A, src + g, 32);
            xs_tzero(T_W);
            xs_tmma_i8(T_W, T_A, T_SEL);
            xs_tmax_i32(T_W, T_W, T_LO);
            if (hi != 127) {
                xs_tadd_i32(T_W, T_W, T_UP);
                xs_tquant_i8(T_Q, T_W);
                xs_tzero(T_W);
                xs_tmma_i8(T_W, T_Q, T_SEL);
                xs_tadd_i32(T_W, T_W, T_DOWN);
            }
            xs_tquant_i8(T_Q, T_W);
            if (whole) xs_tstn(T_Q, dst + g, 32);
            else xs_tstn(T_Q, tmp + g, 32);
        }
        if (!whole) {
            xs_fence();
            for (uint32_t i = 0; i < 256 && off + i < n; i++) dst[i] = tmp[i];
            xs_fence();
        }
    }
    return S1K_OK;
}

int32_t s1k_relu_i8(const struct s1k_relu_i8_args *p) {
    if (p->n == 0 || !s1k_zp_ok(p->lo)) return S1K_BAD_ARGUMENTS;
    return clamp_i8(p->in, p->out, p->n, p->lo, 127);
}

int32_t s1k_relu6_i8(const struct s1k_relu6_i8_args *p) {
    if (p->n == 0 || !s1k_zp_ok(p->lo) || !s1k_zp_ok(p->hi)) return S1K_BAD_ARGUMENTS;
    return clamp_i8(p->in, p->out, p->n, p->lo, p->hi);
}
