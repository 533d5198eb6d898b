/* gemm_i8, scalar variant (RV32IM only): the semantics of gemm_i8.c computed directly,
   c[i][j] = requant(bias[j] + sum_k (a[i][k] - a_zp) * b[j][k]), int32 wrapping. */
#include "s1k.h"

int32_t s1k_gemm_i8_scalar(const struct s1k_gemm_i8_args *p) {
    const uint32_t m = p->m, n = p->n, k = p->k;
    if (m == 0 || n == 0 || k == 0 || !s1k_zp_ok(p->a_zp) || !s1k_requant_params_ok(p->q_shift, p->q_zp)) return S1K_BAD_ARGUMENTS;
    for (uint32_t i = 0; i < m; i++) {
        const int8_t *arow = p->a + i * k;
        for (uint32_t j = 0; j < n; j++) {
            const int8_t *brow = p->b + j * k;
            int32_t acc = p->bias[j];
            for (uint32_t kk = 0; kk < k; kk++) acc = s1k_wadd(acc, (arow[kk] - p->a_zp) * brow[kk]);
            p->c[i * n + j] = s1k_requant(acc, p->q_mul, p->q_shift, p->q_zp);
        }
    }
    return S1K_OK;
}
