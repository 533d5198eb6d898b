/* gemm_i8, Xseed variant.
   c[i][j] = requant(bias[j] + sum_k (a[i][k] - a_zp) * b[j][k])  for i < m, j < n
   with int32 wrapping accumulation (tmma.i8 wraps) and requant = spec §2.4 (TFLite double
   rounding, + q_zp, clamp to int8). The zero point is folded into a per-column term:
   sum_k (a - a_zp) b = sum_k a b - a_zp sum_k b, so the tile unit multiplies raw int8 and
   tadd.i32 adds bias[j] - a_zp * sum_k b[j][k] (exact modulo 2^32, like the sum itself).
   Tiles: 8 x 32 blocks of a and b (k zero-padded past k, rows past m/n zero), 8 x 8 int32
   accumulator, tquant.i8 to int8, tstn into c (through a buffer at the edges). */
#include "s1k_tile.h"

enum { T_A = 0, T_B = 1, T_ACC = 2, T_OUT = 3, T_COL = 4 };

int32_t s1k_gemm_i8(const struct s1k_gemm_i8_args *p) {
    const uint32_t m = p->m, n = p->n, k = p->k;
    if (m == 0 || n == 0 || k == 0 || !s1k_zp_ok(p->a_zp) || !s1k_requant_params_ok(p->q_shift, p->q_zp)) return S1K_BAD_ARGUMENTS;
    int8_t pack_a[256] __attribute__((aligned(4)));
    int8_t pack_b[256] __attribute__((aligned(4)));
    int32_t col[8] __attribute__((aligned(4)));
    s1k_set_requant(p->q_mul, p->q_shift, p->q_zp);
    for (uint32_t j0 = 0; j0 < n; j0 += 8) {
        xs_fence();
        for (uint32_t jj = 0; jj < 8; jj++) {
            int32_t term = 0;
            if (j0 + jj < n) {
                const int8_t *brow = p->b + (j0 + jj) * k;
                int32_t sum = 0;
                for (uint32_t kk = 0; kk < k; kk++) sum = s1k_wadd(sum, brow[kk]);
                term = s1k_wsub(p->bias[j0 + jj], s1k_wmul(p->a_zp, sum));
            }
            col[jj] = term;
        }
        xs_fence();
        xs_tld(T_COL, col, 0); /* every row: the 8 column terms */
        for (uint32_t i0 = 0; i0 < m; i0 += 8) {
            xs_tzero(T_ACC);
            for (uint32_t k0 = 0; k0 < k; k0 += 32) {
                uint32_t sa, sb;
                const int8_t *ta = s1k_block_in(p->a, k, m, k, i0, k0, pack_a, 0, &sa);
                xs_tld(T_A, ta, sa);
                const int8_t *tb = s1k_block_in(p->b, k, n, k, j0, k0, pack_b, 0, &sb);
                xs_tld(T_B, tb, sb);
                xs_tmma_i8(T_ACC, T_A, T_B);
            }
            xs_tadd_i32(T_ACC, T_ACC, T_COL);
            xs_tquant_i8(T_OUT, T_ACC);
            S1K_STORE_I8_BLOCK(T_OUT, p->c, n, m, n, i0, j0);
        }
    }
    return S1K_OK;
}
