/* maxpool_i8 and avgpool_i8, Xseed variants. Input h x w x c (NHWC), output oh x ow x c; the
   window of output (oy, ox) covers input rows oy * stride_h - pad_top + [0, kh) and columns
   ox * stride_w - pad_left + [0, kw); only positions inside the input count (every window has
   at least one: pad_top < kh, pad_left < kw and the last window starts inside the input).
     maxpool: out = the maximum over the window's positions
     avgpool: out = clamp(round(sum / count)) with count = the window's positions and TFLite's
              rounding: sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count
              (C division, truncating), clamped to int8
   Tiles: 8 output pixels of one output row x 8 channels; per window tap the 8 input bytes of
   each pixel are gathered into a block, widened to int32 by tmma.i8 with the selection matrix,
   and combined with tmax.i32 (maximum; positions outside the input are -128, the identity of
   max) or tadd.i32 (sum; they are 0). The maximum is narrowed by tquant.i8's identity requant;
   the sums are stored with tst and divided in C. */
#include "s1k_tile.h"

enum { T_A = 0, T_SEL = 1, T_W = 2, T_ACC = 3, T_Q = 4 };

static int32_t pool(const int8_t *in, int8_t *out, uint32_t h, uint32_t w, uint32_t c, uint32_t kh, uint32_t kw,
                    uint32_t oh, uint32_t ow, uint32_t sh, uint32_t sw, uint32_t pt, uint32_t pl, int average) {
    if (!s1k_pool_args_ok(h, w, c, kh, kw, oh, ow, sh, sw, pt, pl)) return S1K_BAD_ARGUMENTS;
    int8_t pack[256] __attribute__((aligned(4)));
    int32_t sums[64] __attribute__((aligned(4)));
    int32_t init[8] __attribute__((aligned(4)));
    const int8_t pad = average ? 0 : -128;
    s1k_set_requant(1 << 30, 1, 0);
    xs_tld(T_SEL, s1k_select8, 32);
    s1k_splat(init, pad);
    for (uint32_t oy = 0; oy < oh; oy++) {
        int32_t y0, y1;
        s1k_window(oy, sh, pt, kh, h, &y0, &y1);
        for (uint32_t ox0 = 0; ox0 < ow; ox0 += 8) {
            for (uint32_t c0 = 0; c0 < c; c0 += 8) {
                xs_tld(T_ACC, init, 0);
                for (uint32_t ky = 0; ky < kh; ky++) {
                    int32_t iy = (int32_t)(oy * sh + ky) - (int32_t)pt;
                    for (uint32_t kx = 0; kx < kw; kx++) {
                        xs_fence(); /* the previous tld has read pack */
                        for (uint32_t r = 0; r < 8; r++) {
                            int32_t ix = (int32_t)((ox0 + r) * sw + kx) - (int32_t)pl;
                            int inside = ox0 + r < ow && iy >= 0 && iy < (int32_t)h && ix >= 0 && ix < (int32_t)w;
                            const int8_t *px = inside ? in + ((uint32_t)iy * w + (uint32_t)ix) * c : in;
                            for (uint32_t j = 0; j < 8; j++) pack[32 * r + j] = inside && c0 + j < c ? px[c0 + j] : pad;
                        }
                        xs_fence(); /* the gathered bytes are in memory before the tld */
                        xs_tld(T_A, pack, 32);
                        xs_tzero(T_W);
                        xs_tmma_i8(T_W, T_A, T_SEL);
                        if (average) xs_tadd_i32(T_ACC, T_ACC, T_W);
                        else xs_tmax_i32(T_ACC, T_ACC, T_W);
                    }
                }
                const uint32_t row0 = oy * ow + ox0;
                if (!average) {
                    xs_tquant_i8(T_Q, T_ACC);
                    S1K_STORE_I8_BLOCK(T_Q, out, c, oy * ow + ow, c, row0, c0);
                    continue;
                }
                xs_tst(T_ACC, sums, 32);
                xs_fence(); /* the sums are in memory before C reads them */
                for (uint32_t r = 0; r < 8 && ox0 + r < ow; r++) {
                    int32_t x0, x1;
                    s1k_window(ox0 + r, sw, pl, kw, w, &x0, &x1);
                    int32_t count = (y1 - y0) * (x1 - x0);
                    for (uint32_t j = 0; j < 8 && c0 + j < c; j++) {
                        int32_t s = sums[8 * r + j];
                        int32_t avg = s > 0 ? (s + count / 2) / count : (s - count / 2) / count;
                        out[(row0 + r) * c + c0 + j] = s1k_clamp_i8(avg);
                    }
                }
                xs_fence(); /* sums have been read before the next tst */
            }
        }
    }
    return S1K_OK;
}

int32_t s1k_maxpool_i8(const struct s1k_maxpool_i8_args *p) {
    return pool(p->in, p->out, p->h, p->w, p->c, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->pad_top,
                p->pad_left, 0);
}

int32_t s1k_avgpool_i8(const struct s1k_avgpool_i8_args *p) {
    return pool(p->in, p->out, p->h, p->w, p->c, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->pad_top,
                p->pad_left, 1);
}
