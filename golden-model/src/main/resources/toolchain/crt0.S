# SeedChip S1 bare-mode runtime for C programs (spec §3): starts at the reset pc, sets up the
# stack and gp, zeroes .bss, calls main, and reports main's return value through tohost
# (0 -> 1 = pass, n -> (n << 1) | 1 = fail with test n). A trap is reported as failing test
# 4096 + mcause instead of looping forever, so a crash in C shows up as FAIL, not TIMEOUT.
        .section .text.init, "ax", @progbits
        .globl  _start
_start:
        .option push
        .option norelax
        la      gp, __global_pointer$
        .option pop
        la      sp, __stack_top
        la      t0, __s1_trap
        csrw    mtvec, t0
        la      t0, __bss_start
        la      t1, __bss_end
1:      bgeu    t0, t1, 2f
        sw      zero, 0(t0)
        addi    t0, t0, 4
        j       1b
2:      call    main
__s1_exit:
        slli    a0, a0, 1
        ori     a0, a0, 1
        li      t0, 1
        bne     a0, t0, 3f
        li      a0, 1
3:      la      t0, tohost
        sw      a0, 0(t0)
4:      j       4b

        .align  2
__s1_trap:
        csrr    a0, mcause
        li      t0, 4096
        add     a0, a0, t0
        j       __s1_exit

        .section .tohost, "aw", @progbits
        .align  6
        .globl  tohost
tohost: .dword  0
        .globl  fromhost
fromhost: .dword 0
