/* conv2d_i8, scalar variant (RV32IM only): the semantics of conv2d_i8.c, computed directly. */
#include "s1k.h"

int32_t s1k_conv2d_i8_scalar(const struct s1k_conv2d_i8_args *p) {
    if (!s1k_conv_args_ok(p->h, p->w, p->cin, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->dil_h, p->dil_w)
        || p->cout == 0 || !s1k_zp_ok(p->in_zp) || !s1k_requant_params_ok(p->q_shift, p->q_zp)) return S1K_BAD_ARGUMENTS;
    for (uint32_t oy = 0; oy < p->oh; oy++) {
        for (uint32_t ox = 0; ox < p->ow; ox++) {
            for (uint32_t co = 0; co < p->cout; co++) {
                int32_t acc = p->bias[co];
                const int8_t *f = p->filter + co * p->kh * p->kw * p->cin;
                for (uint32_t ky = 0; ky < p->kh; ky++) {
                    int32_t iy = (int32_t)(oy * p->stride_h + ky * p->dil_h) - (int32_t)p->pad_top;
                    for (uint32_t kx = 0; kx < p->kw; kx++) {
                        int32_t ix = (int32_t)(ox * p->stride_w + kx * p->dil_w) - (int32_t)p->pad_left;
                        if (iy < 0 || iy >= (int32_t)p->h || ix < 0 || ix >= (int32_t)p->w) continue;
                        const int8_t *x = p->in + ((uint32_t)iy * p->w + (uint32_t)ix) * p->cin;
                        const int8_t *fk = f + (ky * p->kw + kx) * p->cin;
                        for (uint32_t ci = 0; ci < p->cin; ci++) acc = s1k_wadd(acc, (x[ci] - p->in_zp) * fk[ci]);
                    }
                }
                p->out[(oy * p->ow + ox) * p->cout + co] = s1k_requant(acc, p->q_mul, p->q_shift, p->q_zp);
            }
        }
    }
    return S1K_OK;
}
