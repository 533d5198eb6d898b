# tmma.i8 throughput: accumulate into m2..m5 from m0 and m1, unrolled, forever. Each tmma.i8 is
# 8 x 8 x 32 = 2048 multiply-accumulates.
_start:
        la      a0, data
        li      t0, 0
        li      t1, 128
        li      t2, 0x01030507
        li      t3, 0x7f80017f
fill:   slli    t4, t0, 2
        add     t4, t4, a0
        sw      t3, 0(t4)
        add     t3, t3, t2
        addi    t0, t0, 1
        blt     t0, t1, fill
        li      a1, 32
        tld     m0, (a0), a1
        addi    a0, a0, 256
        tld     m1, (a0), a1
loop:   tmma.i8 m2, m0, m1
        tmma.i8 m3, m1, m0
        tmma.i8 m4, m0, m0
        tmma.i8 m5, m1, m1
        tmma.i8 m2, m0, m1
        tmma.i8 m3, m1, m0
        tmma.i8 m4, m0, m0
        tmma.i8 m5, m1, m1
        j       loop

        .align 5
data:   .space 512
