# Throughput benchmark program for the S1 RTL harness (bare mode, RV32IM): an integer loop of
# ALU, shift, multiply, load/store and branch instructions, ITERATIONS times, then tohost = 1.
# Assembled at benchmark time by bench-program.sh (GNU as via riscv64-unknown-elf-gcc).
#ifndef ITERATIONS
#define ITERATIONS 500000
#endif
        .section .text.init, "ax"
        .globl _start
_start:
        li      s0, ITERATIONS
        la      s1, buffer
        li      a0, 0x12345678
        li      a1, 0x9e3779b9
        li      a2, 0
loop:
        lw      t0, 0(s1)
        add     t0, t0, a0
        xor     a0, a0, t0
        slli    t1, a0, 7
        srli    t2, a0, 25
        or      a0, t1, t2
        mul     t3, a0, a1
        add     a2, a2, t3
        sw      a2, 4(s1)
        lw      t4, 4(s1)
        sub     t5, t4, a0
        sltu    t6, t5, a1
        add     a2, a2, t6
        andi    t0, a2, 0x3c
        add     t0, t0, s1
        sw      a0, 8(t0)
        addi    s0, s0, -1
        bnez    s0, loop
        li      t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
1:      j       1b

        .section .data
        .balign 64
        .globl tohost
tohost: .word 0, 0
        .balign 64
buffer: .space 128
