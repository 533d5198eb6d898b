# Bitwise CRC-32 (reflected, poly 0xEDB88320) over a 4 KiB buffer, repeated forever: shifts,
# xor, and a data-dependent branch per bit.
_start:
        la      s0, buffer
        li      t0, 0
        li      t1, 4096
fill:   add     t2, s0, t0
        andi    t3, t0, 0xff
        xori    t3, t3, 0x5a
        sb      t3, 0(t2)
        addi    t0, t0, 1
        blt     t0, t1, fill
        li      s1, 0xEDB88320
again:  li      a0, -1                 # crc
        li      t0, 0
byte:   add     t2, s0, t0
        lbu     t3, 0(t2)
        xor     a0, a0, t3
        li      t4, 8
bit:    andi    t5, a0, 1
        srli    a0, a0, 1
        beqz    t5, nox
        xor     a0, a0, s1
nox:    addi    t4, t4, -1
        bnez    t4, bit
        addi    t0, t0, 1
        blt     t0, t1, byte
        not     a0, a0
        j       again

        .align 4
buffer: .space 4096
