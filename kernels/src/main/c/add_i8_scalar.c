/* add_i8, scalar variant (RV32IM only): the semantics of add_i8.c, element by element. */
#include "s1k.h"

int32_t s1k_add_i8_scalar(const struct s1k_add_i8_args *p) {
    if (!(p->n > 0 && s1k_zp_ok(p->in1_zp) && s1k_zp_ok(p->in2_zp) && p->left_shift >= 0 && p->left_shift <= 20
          && p->in1_shift >= -31 && p->in1_shift <= 0 && p->in2_shift >= -31 && p->in2_shift <= 0
          && p->out_shift >= -31 && p->out_shift <= 0 && s1k_zp_ok(p->out_zp))) return S1K_BAD_ARGUMENTS;
    for (uint32_t i = 0; i < p->n; i++) {
        int32_t v1 = s1k_wshl(p->in1[i] - p->in1_zp, p->left_shift);
        int32_t v2 = s1k_wshl(p->in2[i] - p->in2_zp, p->left_shift);
        int32_t s1 = s1k_rdbpot(s1k_srdhm(v1, p->in1_mul), -p->in1_shift);
        int32_t s2 = s1k_rdbpot(s1k_srdhm(v2, p->in2_mul), -p->in2_shift);
        p->out[i] = s1k_requant(s1k_wadd(s1, s2), p->out_mul, p->out_shift, p->out_zp);
    }
    return S1K_OK;
}
