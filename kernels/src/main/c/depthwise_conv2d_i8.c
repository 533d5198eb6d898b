/* depthwise_conv2d_i8, Xseed variant (depth multiplier 1). Input h x w x c, filter kh x kw x c,
   output oh x ow x c:
     out[oy][ox][ch] = requant(bias[ch] + sum_{ky,kx} (x(iy, ix, ch) - in_zp) * f[ky][kx][ch])
   with iy, ix, padding and wrapping as in conv2d_i8. Each channel has its own weights, so one
   tmma.i8 computes 8 output pixels x 8 channels with a block-diagonal B: the 32 columns are
   8 channels x 4 filter taps, A[r][4c + t] = input of pixel r, tap t, channel c and
   B[j][4c + t] = (c == j) ? f[tap t][channel j] : 0, so D[r][j] sums the 4 taps of channel j;
   taps come in groups of 4 (the last one zero-padded). */
#include "s1k_tile.h"

enum { T_A = 0, T_B = 1, T_ACC = 2, T_OUT = 3, T_COL = 4 };

int32_t s1k_depthwise_conv2d_i8(const struct s1k_depthwise_conv2d_i8_args *p) {
    if (!s1k_conv_args_ok(p->h, p->w, p->c, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->dil_h, p->dil_w)
        || !s1k_zp_ok(p->in_zp) || !s1k_requant_params_ok(p->q_shift, p->q_zp)) return S1K_BAD_ARGUMENTS;
    const uint32_t rows = p->oh * p->ow, ch = p->c, taps = p->kh * p->kw;
    int8_t pack_a[256] __attribute__((aligned(4)));
    int8_t pack_b[256] __attribute__((aligned(4)));
    int32_t col[8] __attribute__((aligned(4)));
    int32_t base_y[8], base_x[8];
    s1k_set_requant(p->q_mul, p->q_shift, p->q_zp);
    for (uint32_t c0 = 0; c0 < ch; c0 += 8) {
        xs_fence();
        for (uint32_t jj = 0; jj < 8; jj++) {
            int32_t term = 0;
            if (c0 + jj < ch) {
                int32_t sum = 0;
                for (uint32_t t = 0; t < taps; t++) sum = s1k_wadd(sum, p->filter[t * ch + c0 + jj]);
                term = s1k_wsub(p->bias[c0 + jj], s1k_wmul(p->in_zp, sum));
            }
            col[jj] = term;
        }
        xs_fence();
        xs_tld(T_COL, col, 0);
        for (uint32_t i0 = 0; i0 < rows; i0 += 8) {
            for (uint32_t r = 0; r < 8; r++) {
                uint32_t pix = i0 + r < rows ? i0 + r : 0;
                base_y[r] = (int32_t)((pix / p->ow) * p->stride_h) - (int32_t)p->pad_top;
                base_x[r] = (int32_t)((pix % p->ow) * p->stride_w) - (int32_t)p->pad_left;
            }
            xs_tzero(T_ACC);
            for (uint32_t t0 = 0; t0 < taps; t0 += 4) {
                xs_fence(); /* the previous tlds have read the packs */
                for (uint32_t r = 0; r < 8; r++) {
                    for (uint32_t cc = 0; cc < 8; cc++) {
                        for (uint32_t t = 0; t < 4; t++) {
                            int8_t v = 0;
                            uint32_t tap = t0 + t;
                            if (i0 + r < rows && c0 + cc < ch && tap < taps) {
                                int32_t iy = base_y[r] + (int32_t)((tap / p->kw) * p->dil_h);
                                int32_t ix = base_x[r] + (int32_t)((tap % p->kw) * p->dil_w);
                                v = (iy >= 0 && iy < (int32_t)p->h && ix >= 0 && ix < (int32_t)p->w)
                                        ? p->in[((uint32_t)iy * p->w + (uint32_t)ix) * ch + c0 + cc] : (int8_t)p->in_zp;
                            }
                            pack_a[32 * r + 4 * cc + t] = v;
                        }
                    }
                }
                for (uint32_t j = 0; j < 8; j++) {
                    for (uint32_t cc = 0; cc < 8; cc++) {
                        for (uint32_t t = 0; t < 4; t++) {
                            uint32_t tap = t0 + t;
                            pack_b[32 * j + 4 * cc + t] = (cc == j && c0 + j < ch && tap < taps) ? p->filter[tap * ch + c0 + j] : 0;
                        }
                    }
                }
                xs_fence(); /* the packed blocks are in memory before the tlds */
                xs_tld(T_A, pack_a, 32);
                xs_tld(T_B, pack_b, 32);
                xs_tmma_i8(T_ACC, T_A, T_B);
            }
            xs_tadd_i32(T_ACC, T_ACC, T_COL);
            xs_tquant_i8(T_OUT, T_ACC);
            S1K_STORE_I8_BLOCK(T_OUT, p->out, ch, rows, ch, i0, c0);
        }
    }
    return S1K_OK;
}
