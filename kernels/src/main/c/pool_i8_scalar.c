/* maxpool_i8 and avgpool_i8, scalar variants (RV32IM only): the semantics of pool_i8.c. */
#include "s1k.h"

static int32_t pool(const int8_t *in, int8_t *out, uint32_t h, uint32_t w, uint32_t c, uint32_t kh, uint32_t kw,
                    uint32_t oh, uint32_t ow, uint32_t sh, uint32_t sw, uint32_t pt, uint32_t pl, int average) {
    if (!s1k_pool_args_ok(h, w, c, kh, kw, oh, ow, sh, sw, pt, pl)) return S1K_BAD_ARGUMENTS;
    for (uint32_t oy = 0; oy < oh; oy++) {
        int32_t y0, y1;
        s1k_window(oy, sh, pt, kh, h, &y0, &y1);
        for (uint32_t ox = 0; ox < ow; ox++) {
            int32_t x0, x1;
            s1k_window(ox, sw, pl, kw, w, &x0, &x1);
            for (uint32_t ch = 0; ch < c; ch++) {
                int32_t acc = average ? 0 : -128;
                for (int32_t y = y0; y < y1; y++) {
                    for (int32_t x = x0; x < x1; x++) {
                        int32_t v = in[((uint32_t)y * w + (uint32_t)x) * c + ch];
                        acc = average ? acc + v : S1K_MAX(acc, v);
                    }
                }
                if (average) {
                    int32_t count = (y1 - y0) * (x1 - x0);
                    acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                }
                out[(oy * ow + ox) * c + ch] = s1k_clamp_i8(acc);
            }
        }
    }
    return S1K_OK;
}

int32_t s1k_maxpool_i8_scalar(const struct s1k_maxpool_i8_args *p) {
    return pool(p->in, p->out, p->h, p->w, p->c, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->pad_top,
                p->pad_left, 0);
}

int32_t s1k_avgpool_i8_scalar(const struct s1k_avgpool_i8_args *p) {
    return pool(p->in, p->out, p->h, p->w, p->c, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->pad_top,
                p->pad_left, 1);
}
