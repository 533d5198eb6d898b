/* Helpers of the Xseed variants: moving blocks between row-major tensors and tiles, with the
   edge handling every kernel shares, and the memory-ordering discipline of xseed.h (tile loads
   and stores are ordered against C accesses of the same bytes only by xs_fence()). */
#ifndef S1K_TILE_H
#define S1K_TILE_H

#include <stdint.h>
#include "xseed.h"
#include "s1k.h"

typedef uintptr_t s1k_addr;

/* B operand that widens: tmma.i8 D, A, S with S[j][k] = (k == j) gives D.i32[i][j] = A.i8[i][j]
   for j < 8, i.e. the first 8 int8 of each row of A as int32. */
static const int8_t s1k_select8[XS_TILE_BYTES] __attribute__((aligned(32), unused)) = {
#define S1K_SEL_ROW(j) [32 * (j) + (j)] = 1
    S1K_SEL_ROW(0), S1K_SEL_ROW(1), S1K_SEL_ROW(2), S1K_SEL_ROW(3),
    S1K_SEL_ROW(4), S1K_SEL_ROW(5), S1K_SEL_ROW(6), S1K_SEL_ROW(7),
#undef S1K_SEL_ROW
};

/* Requant parameters of the next tquant.i8 (the caller checked their ranges). */
static inline void s1k_set_requant(int32_t mul, int32_t shift, int32_t zp) {
    xs_write_xsqmul(mul);
    xs_write_xsqshift(shift);
    xs_write_xsqzp(zp);
}

/* Where to tld the 8 x 32 byte block at (r0, c0) of a rows x cols byte matrix with row stride
   ld from: the matrix itself when the block lies inside it and rows are word aligned, else
   pack (32-byte rows) holding the block with `pad` outside the matrix. */
static inline const int8_t *s1k_block_in(const int8_t *m, uint32_t ld, uint32_t rows, uint32_t cols, uint32_t r0, uint32_t c0,
                                         int8_t *pack, int8_t pad, uint32_t *stride) {
    const int8_t *src = m + r0 * ld + c0;
    if (r0 + 8 <= rows && c0 + 32 <= cols && (((s1k_addr)src | ld) & 3) == 0) {
        *stride = ld;
        return src;
    }
    xs_fence(); /* a tld of the previous block has read pack before it is overwritten */
    for (uint32_t r = 0; r < 8; r++) {
        for (uint32_t c = 0; c < 32; c++) {
            pack[32 * r + c] = (r0 + r < rows && c0 + c < cols) ? src[r * ld + c] : pad;
        }
    }
    xs_fence(); /* the packed bytes are in memory before the tld that reads them */
    *stride = 32;
    return pack;
}

/* Stores the 8 x 8 int8 result of tquant.i8 in tile T at (r0, c0) of a rows x cols int8 matrix
   with row stride ld: with tstn straight into the matrix when the block lies inside it and rows
   are word aligned, else through a zeroed 64-byte stage (so that C never reads a byte it has not
   defined) and C stores of the part inside the matrix. */
#define S1K_STORE_I8_BLOCK(T, m, ld, rows, cols, r0, c0)                                                 \
    do {                                                                                              \
        int8_t *dst_ = (m) + (r0) * (ld) + (c0);                                                      \
        if ((r0) + 8 <= (rows) && (c0) + 8 <= (cols) && (((s1k_addr)dst_ | (ld)) & 3) == 0) {          \
            xs_tstn(T, dst_, (ld));                                                                   \
        } else {                                                                                      \
            const uint32_t nr_ = (rows) - (r0) < 8 ? (rows) - (r0) : 8;                               \
            const uint32_t nc_ = (cols) - (c0) < 8 ? (cols) - (c0) : 8;                               \
            int8_t stage_[64] __attribute__((aligned(4))) = {0};                                      \
            xs_fence(); /* the zeros are written before the tile store */                             \
            xs_tstn(T, stage_, 8);                                                                    \
            xs_fence(); /* the tile's bytes are in the stage before C reads them */                   \
            for (uint32_t r_ = 0; r_ < nr_; r_++) {                                                   \
                for (uint32_t c_ = 0; c_ < nc_; c_++) dst_[r_ * (ld) + c_] = stage_[8 * r_ + c_];     \
            } /* copied out */                                                                        \
        }                                                                                             \
    } while (0)

/* Fills a 8-word buffer with `value` for a tld with stride 0 (every row the same 8 words). */
static inline void s1k_splat(int32_t *row8, int32_t value) {
    xs_fence();
    for (int j = 0; j < 8; j++) row8[j] = value;
    xs_fence();
}

#endif /* S1K_TILE_H */
