/* softmax_i8, Xseed variant: the row maximum on the tile unit (64 bytes of the row at a time as
   8 x 8 int8, widened to int32 by tmma.i8 with the selection matrix and combined with
   tmax.i32; the 64 partial maxima are stored with tst and reduced in C), then softmax.h. */
#include "s1k_tile.h"
#include "softmax.h"

enum { T_A = 0, T_SEL = 1, T_W = 2, T_MAX = 3 };

int32_t s1k_softmax_i8(const struct s1k_softmax_i8_args *p) {
    if (!s1k_softmax_args_ok(p->rows, p->cols, p->input_mul, p->input_left_shift, p->diff_min)) return S1K_BAD_ARGUMENTS;
    int8_t pack[256] __attribute__((aligned(4)));
    int32_t part[64] __attribute__((aligned(4)));
    int32_t init[8] __attribute__((aligned(4)));
    xs_tld(T_SEL, s1k_select8, 32);
    s1k_splat(init, -128);
    for (uint32_t r = 0; r < p->rows; r++) {
        const int8_t *in = p->in + r * p->cols;
        xs_tld(T_MAX, init, 0);
        for (uint32_t off = 0; off < p->cols; off += 64) {
            xs_fence(); /* the previous tld has read pack */
            for (uint32_t i = 0; i < 64; i++) pack[32 * (i / 8) + i % 8] = off + i < p->cols ? in[off + i] : -128;
            xs_fence(); /* the row's bytes are in memory before the tld */
            xs_tld(T_A, pack, 32);
            xs_tzero(T_W);
            xs_tmma_i8(T_W, T_A, T_SEL);
            xs_tmax_i32(T_MAX, T_MAX, T_W);
        }
        xs_tst(T_MAX, part, 32);
        xs_fence(); /* the partial maxima are in memory before C reads them */
        int32_t max_in_row = -128;
        for (uint32_t i = 0; i < 64; i++) max_in_row = S1K_MAX(max_in_row, part[(i / 8) * 8 + i % 8]);
        xs_fence(); /* part has been read before the next tst */
        s1k_softmax_row(in, p->out + r * p->cols, p->cols, max_in_row, p->input_mul, p->input_left_shift, p->diff_min);
    }
    return S1K_OK;
}
