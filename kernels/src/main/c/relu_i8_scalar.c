/* relu_i8 and relu6_i8, scalar variants (RV32IM only): out = max(in, lo), min(max(in, lo), hi). */
#include "s1k.h"

int32_t s1k_relu_i8_scalar(const struct s1k_relu_i8_args *p) {
    if (p->n == 0 || !s1k_zp_ok(p->lo)) return S1K_BAD_ARGUMENTS;
    for (uint32_t i = 0; i < p->n; i++) p->out[i] = (int8_t)S1K_MAX((int32_t)p->in[i], p->lo);
    return S1K_OK;
}

int32_t s1k_relu6_i8_scalar(const struct s1k_relu6_i8_args *p) {
    if (p->n == 0 || !s1k_zp_ok(p->lo) || !s1k_zp_ok(p->hi)) return S1K_BAD_ARGUMENTS;
    for (uint32_t i = 0; i < p->n; i++) {
        int32_t v = S1K_MAX((int32_t)p->in[i], p->lo);
        p->out[i] = (int8_t)S1K_MIN(v, p->hi);
    }
    return S1K_OK;
}
