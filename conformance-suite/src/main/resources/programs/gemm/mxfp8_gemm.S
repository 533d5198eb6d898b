# MXFP8 GEMM on the Xseed tile unit: C[32x32] (binary32) = A[32x64] . B[32x64]^T with E4M3
# elements and one UE8M0 scale per row per 32-element block (the MX block size is a tile row).
# A and B are E4M3, row-major, 64 bytes per row; scale_a[kb][row] and scale_b[kb][row] are one
# byte each (32 rows per K block); C is binary32, row-major, 128 bytes per row. Each 8x8 block of
# C is two tmma.e4m3 steps, with the scale CSRs set for that K block, stored with tst.
# The data section (scale_a, scale_b, mat_a, mat_b, mat_c, tohost) is appended by Mxfp8Gemm.
_start:
        li      t6, 64                  # A and B row stride
        li      t5, 128                 # C row stride
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
        la      t0, scale_a             # scales of A rows 8 bi .. 8 bi + 7 in K block bk
        slli    t1, s2, 5
        add     t0, t0, t1
        slli    t1, s0, 3
        add     t0, t0, t1
        lw      t2, 0(t0)
        csrw    xsascl0, t2
        lw      t2, 4(t0)
        csrw    xsascl1, t2
        la      t0, scale_b             # scales of B rows 8 bj .. 8 bj + 7 in K block bk
        slli    t1, s2, 5
        add     t0, t0, t1
        slli    t1, s1, 3
        add     t0, t0, t1
        lw      t2, 0(t0)
        csrw    xsbscl0, t2
        lw      t2, 4(t0)
        csrw    xsbscl1, t2
        tmma.e4m3 m2, m0, m1
        addi    s2, s2, 1
        li      t1, 2
        blt     s2, t1, loop_k
        la      a2, mat_c               # &C[8 bi][8 bj]
        slli    t1, s0, 10
        add     a2, a2, t1
        slli    t1, s1, 5
        add     a2, a2, t1
        tst     m2, (a2), t5
        addi    s1, s1, 1
        li      t1, 4
        blt     s1, t1, loop_j
        addi    s0, s0, 1
        blt     s0, t1, loop_i
        li      t1, 1
        la      t0, tohost
        sw      t1, 0(t0)
1:      j       1b
