# INT8 GEMM on the Xseed tile unit: C[32x32] = requant(A[32x64] . B[32x64]^T), int8 in and out.
# A and B are int8, row-major, 64 bytes per row (B holds the transposed right-hand matrix, the
# layout tmma.i8 wants: D[i][j] += sum_k A[i][k] * B[j][k]). C is int8, row-major, 32 bytes per
# row. Each 8x8 block of C accumulates two 8x32 tile products in int32, is requantised with
# tquant.i8 (multiplier, shift and zero point from the data) and stored with tstn.
# The data section (qparams, mat_a, mat_b, mat_c, tohost) is appended by Int8Gemm.
_start:
        la      t0, qparams
        lw      t1, 0(t0)
        csrw    xsqmul, t1
        lw      t1, 4(t0)
        csrw    xsqshift, t1
        lw      t1, 8(t0)
        csrw    xsqzp, t1
        li      t6, 64                  # A and B row stride
        li      t5, 32                  # C row stride
        li      s0, 0                   # block row bi
loop_i: li      s1, 0                   # block column bj
loop_j: tzero   m2
        li      s2, 0                   # K block bk
loop_k: la      a0, mat_a               # &A[8 bi][32 bk]
        slli    t1, s0, 9
        add     a0, a0, t1
        slli    t1, s2, 5
        add     a0, a0, t1
        tld     m0, (a0), t6
        la      a1, mat_b               # &B[8 bj][32 bk]
        slli    t1, s1, 9
        add     a1, a1, t1
        slli    t1, s2, 5
        add     a1, a1, t1
        tld     m1, (a1), t6
        tmma.i8 m2, m0, m1
        addi    s2, s2, 1
        li      t1, 2
        blt     s2, t1, loop_k
        tquant.i8 m3, m2
        la      a2, mat_c               # &C[8 bi][8 bj]
        slli    t1, s0, 8
        add     a2, a2, t1
        slli    t1, s1, 3
        add     a2, a2, t1
        tstn    m3, (a2), t5
        addi    s1, s1, 1
        li      t1, 4
        blt     s1, t1, loop_j
        addi    s0, s0, 1
        blt     s0, t1, loop_i
        li      t1, 1
        la      t0, tohost
        sw      t1, 0(t0)
1:      j       1b
