# Integer matrix multiply C = A x B (16x16 int32), repeated forever: a scalar RV32IM workload
# with loads, stores, MUL, nested loops and branches.
        .equ N, 16
_start:
        la      s0, mat_a
        la      s1, mat_b
        la      s2, mat_c
        # A[i][j] = i + 2j - 7, B[i][j] = 3i - j + 1
        li      t0, 0                  # i
init_i: li      t1, 0                  # j
init_j: slli    t2, t0, 4
        add     t2, t2, t1
        slli    t2, t2, 2
        slli    t3, t1, 1
        add     t3, t3, t0
        addi    t3, t3, -7
        add     t4, s0, t2
        sw      t3, 0(t4)
        slli    t3, t0, 1
        add     t3, t3, t0
        sub     t3, t3, t1
        addi    t3, t3, 1
        add     t4, s1, t2
        sw      t3, 0(t4)
        addi    t1, t1, 1
        li      t5, N
        blt     t1, t5, init_j
        addi    t0, t0, 1
        blt     t0, t5, init_i
outer:  li      a0, 0                  # i
loop_i: li      a1, 0                  # j
loop_j: li      a2, 0                  # k
        li      a3, 0                  # sum
        slli    a4, a0, 6              # &A[i][0]
        add     a4, a4, s0
        slli    a5, a1, 2              # &B[0][j]
        add     a5, a5, s1
loop_k: lw      a6, 0(a4)
        lw      a7, 0(a5)
        mul     a6, a6, a7
        add     a3, a3, a6
        addi    a4, a4, 4
        addi    a5, a5, 64
        addi    a2, a2, 1
        li      t5, N
        blt     a2, t5, loop_k
        slli    t6, a0, 4
        add     t6, t6, a1
        slli    t6, t6, 2
        add     t6, t6, s2
        sw      a3, 0(t6)
        addi    a1, a1, 1
        blt     a1, t5, loop_j
        addi    a0, a0, 1
        blt     a0, t5, loop_i
        j       outer

        .align 6
mat_a:  .space 1024
mat_b:  .space 1024
mat_c:  .space 1024
