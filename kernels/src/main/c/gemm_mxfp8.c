/* gemm_mxfp8, Xseed variant.
   For i < m, j < n: acc = +0.0; for each 32-wide block b of k (the last one zero-padded):
       acc = tmma.e4m3 element (spec §2.4) of a[i][block b], b[j][block b] with the UE8M0 scales
             a_scale[i][b], b_scale[j][b], accumulating into acc;
   c[i][j] = the binary32 bits of acc. Padding codes are 0x00 (+0): they add nothing to the exact
   block sum and are not NaN. One tmma.e4m3 per 8 x 8 output block and k block; the scale CSRs
   hold the 8 row scales of each operand block (rows past m/n get 127 = 1.0, never stored). */
#include "s1k_tile.h"

enum { T_A = 0, T_B = 1, T_ACC = 2 };

/* The scale bytes of rows r0..r0+3 of a rows x nb scale matrix, for block b. */
static inline uint32_t scales4(const uint8_t *s, uint32_t nb, uint32_t rows, uint32_t r0, uint32_t b) {
    uint32_t v = 0;
    for (uint32_t r = 0; r < 4; r++) {
        uint32_t byte = r0 + r < rows ? s[(r0 + r) * nb + b] : 127u;
        v |= byte << (8 * r);
    }
    return v;
}

int32_t s1k_gemm_mxfp8(const struct s1k_gemm_mxfp8_args *p) {
    const uint32_t m = p->m, n = p->n, k = p->k;
    if (m == 0 || n == 0 || k == 0) return S1K_BAD_ARGUMENTS;
    const uint32_t nb = (k + 31) / 32;
    int8_t pack_a[256] __attribute__((aligned(4)));
    int8_t pack_b[256] __attribute__((aligned(4)));
    uint32_t out[64] __attribute__((aligned(4)));
    const int8_t *a = (const int8_t *)p->a, *bm = (const int8_t *)p->b;
    for (uint32_t j0 = 0; j0 < n; j0 += 8) {
        for (uint32_t i0 = 0; i0 < m; i0 += 8) {
            xs_tzero(T_ACC);
            for (uint32_t b = 0; b < nb; b++) {
                uint32_t sa, sb;
                const int8_t *ta = s1k_block_in(a, k, m, k, i0, 32 * b, pack_a, 0, &sa);
                xs_tld(T_A, ta, sa);
                const int8_t *tb = s1k_block_in(bm, k, n, k, j0, 32 * b, pack_b, 0, &sb);
                xs_tld(T_B, tb, sb);
                xs_write_xsascl0(scales4(p->a_scale, nb, m, i0, b));
                xs_write_xsascl1(scales4(p->a_scale, nb, m, i0 + 4, b));
                xs_write_xsbscl0(scales4(p->b_scale, nb, n, j0, b));
                xs_write_xsbscl1(scales4(p->b_scale, nb, n, j0 + 4, b));
                xs_tmma_e4m3(T_ACC, T_A, T_B);
            }
            uint32_t *dst = p->c + i0 * n + j0;
            if (i0 + 8 <= m && j0 + 8 <= n) {
                xs_tst(T_ACC, dst, 4 * n);
            } else {
                xs_tst(T_ACC, out, 32);
                xs_fence();
                for (uint32_t r = 0; r < 8 && i0 + r < m; r++)
                    for (uint32_t c = 0; c < 8 && j0 + c < n; c++) dst[r * n + c] = out[8 * r + c];
                xs_fence();
            }
        }
    }
    return S1K_OK;
}
