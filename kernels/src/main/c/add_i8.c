/* add_i8, Xseed variant: TFLite's quantised ADD (int8, full activation range):
     v1 = (in1[i] - in1_zp) << left_shift,  v2 = (in2[i] - in2_zp) << left_shift   (wrapping)
     s1 = RDBPOT(SRDHM(v1, in1_mul), -in1_shift),  s2 likewise           (spec §2.4 helpers)
     out[i] = requant(s1 + s2, out_mul, out_shift, out_zp)              (spec §2.4, sum wrapping)
   The inputs are rescaled in C (the tile unit has no int32-to-int32 rescale); the output
   requantisation is tquant.i8 on 64 sums at a time (an 8 x 8 int32 tile). */
#include "s1k_tile.h"

enum { T_SUM = 0, T_Q = 1 };

static int params_ok(const struct s1k_add_i8_args *p) {
    return p->n > 0 && s1k_zp_ok(p->in1_zp) && s1k_zp_ok(p->in2_zp) && p->left_shift >= 0 && p->left_shift <= 20
           && p->in1_shift >= -31 && p->in1_shift <= 0 && p->in2_shift >= -31 && p->in2_shift <= 0
           && p->out_shift >= -31 && p->out_shift <= 0 && s1k_zp_ok(p->out_zp);
}

int32_t s1k_add_i8(const struct s1k_add_i8_args *p) {
    if (!params_ok(p)) return S1K_BAD_ARGUMENTS;
    int32_t sums[64] __attribute__((aligned(4)));
    int8_t tmp[64] __attribute__((aligned(4)));
    s1k_set_requant(p->out_mul, p->out_shift, p->out_zp);
    for (uint32_t off = 0; off < p->n; off += 64) {
        xs_fence(); /* the previous tld has read sums */
        for (uint32_t i = 0; i < 64; i++) {
            int32_t s = 0;
            if (off + i < p->n) {
                int32_t v1 = s1k_wshl(p->in1[off + i] - p->in1_zp, p->left_shift);
                int32_t v2 = s1k_wshl(p->in2[off + i] - p->in2_zp, p->left_shift);
                int32_t s1 = s1k_rdbpot(s1k_srdhm(v1, p->in1_mul), -p->in1_shift);
                int32_t s2 = s1k_rdbpot(s1k_srdhm(v2, p->in2_mul), -p->in2_shift);
                s = s1k_wadd(s1, s2);
            }
            sums[i] = s;
        }
        xs_fence(); /* the sums are in memory before the tld */
        xs_tld(T_SUM, sums, 32);
        xs_tquant_i8(T_Q, T_SUM);
        /* the 64 results are 8 rows of 8 bytes of the output vector */
        int8_t *dst = p->out + off;
        if (off + 64 <= p->n && ((s1k_addr)dst & 3) == 0) {
            xs_tstn(T_Q, dst, 8);
        } else {
            xs_tstn(T_Q, tmp, 8);
            xs_fence(); /* the results are in tmp before C reads them */
            for (uint32_t i = 0; i < 64 && off + i < p->n; i++) dst[i] = tmp[i];
            xs_fence(); /* tmp has been read before the next tstn */
        }
    }
    return S1K_OK;
}
