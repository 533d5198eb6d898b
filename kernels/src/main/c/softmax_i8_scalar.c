/* softmax_i8, scalar variant (RV32IM only): softmax.h on each row. */
#include "softmax.h"

int32_t s1k_softmax_i8_scalar(const struct s1k_softmax_i8_args *p) {
    if (!s1k_softmax_args_ok(p->rows, p->cols, p->input_mul, p->input_left_shift, p->diff_min)) return S1K_BAD_ARGUMENTS;
    for (uint32_t r = 0; r < p->rows; r++) {
        const int8_t *in = p->in + r * p->cols;
        int32_t max_in_row = -128;
        for (uint32_t c = 0; c < p->cols; c++) max_in_row = S1K_MAX(max_in_row, (int32_t)in[c]);
        s1k_softmax_row(in, p->out + r * p->cols, p->cols, max_in_row, p->input_mul, p->input_left_shift, p->diff_min);
    }
    return S1K_OK;
}
