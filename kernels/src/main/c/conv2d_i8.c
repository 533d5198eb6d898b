/* conv2d_i8, Xseed variant. Input h x w x cin (NHWC, batch 1), filter cout x kh x kw x cin
   (OHWI), output oh x ow x cout:
     out[oy][ox][co] = requant(bias[co] + sum_{ky,kx,ci} (x(iy, ix, ci) - in_zp) * f[co][ky][kx][ci])
     iy = oy * stride_h - pad_top + ky * dil_h,  ix = ox * stride_w - pad_left + kx * dil_w,
   where a position outside the input has x = in_zp (it contributes 0), int32 wrapping, requant
   as spec §2.4. As a GEMM: rows = output pixels (oh * ow), columns = cout, depth = kh * kw * cin;
   the filter is already the n x depth matrix, the input rows are gathered (im2col) into a packed
   8 x 32 block per tile, and the zero point is folded into a column term as in gemm_i8. */
#include "s1k_tile.h"

enum { T_A = 0, T_B = 1, T_ACC = 2, T_OUT = 3, T_COL = 4 };

int32_t s1k_conv2d_i8(const struct s1k_conv2d_i8_args *p) {
    if (!s1k_conv_args_ok(p->h, p->w, p->cin, p->kh, p->kw, p->oh, p->ow, p->stride_h, p->stride_w, p->dil_h, p->dil_w)
        || p->cout == 0 || !s1k_zp_ok(p->in_zp) || !s1k_requant_params_ok(p->q_shift, p->q_zp)) return S1K_BAD_ARGUMENTS;
    const uint32_t rows = p->oh * p->ow, cols = p->cout, depth = p->kh * p->kw * p->cin;
    int8_t pack_a[256] __attribute__((aligned(4)));
    int8_t pack_b[256] __attribute__((aligned(4)));
    int32_t col[8] __attribute__((aligned(4)));
    int32_t base_y[8], base_x[8];
    s1k_set_requant(p->q_mul, p->q_shift, p->q_zp);
    for (uint32_t j0 = 0; j0 < cols; j0 += 8) {
        xs_fence();
        for (uint32_t jj = 0; jj < 8; jj++) {
            int32_t term = 0;
            if (j0 + jj < cols) {
                const int8_t *frow = p->filter + (j0 + jj) * depth;
                int32_t sum = 0;
                for (uint32_t d = 0; d < depth; d++) sum = s1k_wadd(sum, frow[d]);
                term = s1k_wsub(p->bias[j0 + jj], s1k_wmul(p->in_zp, sum));
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
            for (uint32_t k0 = 0; k0 < depth; k0 += 32) {
                /* im2col: row r of the block is output pixel i0 + r, column c is depth index k0 + c */
                xs_fence(); /* the previous tld has read pack_a */
                uint32_t d0 = k0, ci0 = d0 % p->cin, kx0 = (d0 / p->cin) % p->kw, ky0 = d0 / (p->cin * p->kw);
                for (uint32_t r = 0; r < 8; r++) {
                    uint32_t ci = ci0, kx = kx0, ky = ky0;
                    for (uint32_t c = 0; c < 32; c++) {
                        int8_t v = 0;
                        if (i0 + r < rows && k0 + c < depth) {
                            int32_t iy = base_y[r] + (int32_t)(ky * p->dil_h), ix = base_x[r] + (int32_t)(kx * p->dil_w);
                            v = (iy >= 0 && iy < (int32_t)p->h && ix >= 0 && ix < (int32_t)p->w)
                                    ? p->in[((uint32_t)iy * p->w + (uint32_t)ix) * p->cin + ci] : (int8_t)p->in_zp;
                        }
                        pack_a[32 * r + c] = v;
                        if (++ci == p->cin) { ci = 0; if (++kx == p->kw) { kx = 0; ky++; } }
                    }
                }
                xs_fence(); /* the gathered block is in memory before the tld */
                xs_tld(T_A, pack_a, 32);
                uint32_t sb;
                const int8_t *tb = s1k_block_in(p->filter, depth, cols, depth, j0, k0, pack_b, 0, &sb);
                xs_tld(T_B, tb, sb);
                xs_tmma_i8(T_ACC, T_A, T_B);
            }
            xs_tadd_i32(T_ACC, T_ACC, T_COL);
            xs_tquant_i8(T_OUT, T_ACC);
            S1K_STORE_I8_BLOCK(T_OUT, p->out, cols, rows, cols, i0, j0);
        }
    }
    return S1K_OK;
}
