# xseed/tget_tput_tzero.S: TGET/TPUT (word index x[rs2] & 63), TZERO, tiles reset to zero, little-endian tile views
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
#
# SeedChip S1 conformance suite conventions (riscv-tests style, plain assembly):
#   - _start is at 0x8000_0000 (bare mode); tohost is an 8-byte aligned word of its own.
#   - gp holds the number of the running sub-test; every sub-test starts with `li gp, N`.
#   - every expected value is written from the specification and loaded with `li t2, ...`
#     (expected trap cause: `li s2, ...`) right before the check that uses it.
#   - pass writes 1 to tohost; fail writes (gp << 1) | 1. An unexpected trap goes to fail
#     (or to the checking trap handler, which fails on any mismatch).

        .text
        .globl  _start
_start:
        li      gp, 0
        li      s5, 0
        la      t0, fail
        csrw    mtvec, t0

        # test 1: all eight tiles reset to zero
        li      gp, 1
        li      a4, 0
        li      a6, 0
2:      tget    a5, m0, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m1, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m2, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m3, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m4, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m5, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m6, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail
        li      a4, 0
        li      a6, 0
2:      tget    a5, m7, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        li      t2, 0
        bne     a6, t2, fail

        # test 2: tput then tget of word 5
        li      gp, 2
        li      a1, 0x12345678
        li      a2, 5
        tput    m3, a1, a2
        tget    a0, m3, a2
        li      t2, 0x12345678
        bne     a0, t2, fail
        li      a2, 4
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 3: tput uses x[rs2] & 63: index 71 writes word 7
        li      gp, 3
        li      a1, 0x77
        li      a2, 71
        tput    m3, a1, a2
        li      a2, 7
        tget    a0, m3, a2
        li      t2, 0x77
        bne     a0, t2, fail

        # test 4: tget uses x[rs2] & 63: index -1 reads word 63, 0x40 reads word 0
        li      gp, 4
        li      a1, 0x6363
        li      a2, 63
        tput    m3, a1, a2
        li      a1, 0x0101
        tput    m3, a1, zero
        li      a2, -1
        tget    a0, m3, a2
        li      t2, 0x6363
        bne     a0, t2, fail
        li      a2, 0x40
        tget    a0, m3, a2
        li      t2, 0x0101
        bne     a0, t2, fail

        # test 5: tzero clears every word
        li      gp, 5
        li      a4, 0
        li      a1, -1
2:      tput    m4, a1, a4
        addi    a4, a4, 1
        li      a7, 64
        blt     a4, a7, 2b
        tzero   m4
        li      a4, 0
        li      a6, 0
3:      tget    a5, m4, a4
        or      a6, a6, a5
        addi    a4, a4, 1
        blt     a4, a7, 3b
        li      t2, 0
        bne     a6, t2, fail

        # test 6: the eight tiles are distinct registers
        li      gp, 6
        li      a1, 256
        li      a2, 9
        tput    m0, a1, a2
        li      a1, 257
        li      a2, 9
        tput    m1, a1, a2
        li      a1, 258
        li      a2, 9
        tput    m2, a1, a2
        li      a1, 259
        li      a2, 9
        tput    m3, a1, a2
        li      a1, 260
        li      a2, 9
        tput    m4, a1, a2
        li      a1, 261
        li      a2, 9
        tput    m5, a1, a2
        li      a1, 262
        li      a2, 9
        tput    m6, a1, a2
        li      a1, 263
        li      a2, 9
        tput    m7, a1, a2
        li      a4, 9
        tget    a5, m0, a4
        li      t2, 0x00000100
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m1, a4
        li      t2, 0x00000101
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m2, a4
        li      t2, 0x00000102
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m3, a4
        li      t2, 0x00000103
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m4, a4
        li      t2, 0x00000104
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m5, a4
        li      t2, 0x00000105
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m6, a4
        li      t2, 0x00000106
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m7, a4
        li      t2, 0x00000107
        bne     a5, t2, fail

        # test 7: tget into x0 writes nothing
        li      gp, 7
        li      a1, 5
        tput    m0, a1, zero
        tget    zero, m0, zero
        li      t2, 0
        bne     zero, t2, fail

        # test 8: tput changes only its word
        li      gp, 8
        la      a0, pattern
        li      a1, 32
        tld     m5, (a0), a1
        li      a1, -1
        li      a2, 20
        tput    m5, a1, a2
        li      a4, 19
        tget    a5, m5, a4
        li      t2, 0x00001013
        bne     a5, t2, fail
        li      a4, 21
        tget    a5, m5, a4
        li      t2, 0x00001015
        bne     a5, t2, fail
        li      a4, 20
        tget    a5, m5, a4
        li      t2, 0xffffffff
        bne     a5, t2, fail

        # test 9: word view is little-endian over row-major bytes: word 9 = bytes 36..39
        li      gp, 9
        la      a0, bytes
        li      a1, 32
        tld     m6, (a0), a1
        li      a4, 9
        tget    a5, m6, a4
        li      t2, 0x27262524
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m6, a4
        li      t2, 0xfffefdfc
        bne     a5, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
pass:
        fence
        li      t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
1:      j       1b

fail:
        fence
2:      beqz    gp, 2b                  # never report a failure as "test 0" (= pass): hang
        slli    t0, gp, 1
        ori     t0, t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
3:      j       3b

        .data
        .align  3
tohost: .word   0, 0
        .align  5
pattern:
        .word   0x00001000, 0x00001001, 0x00001002, 0x00001003, 0x00001004, 0x00001005, 0x00001006, 0x00001007
        .word   0x00001008, 0x00001009, 0x0000100a, 0x0000100b, 0x0000100c, 0x0000100d, 0x0000100e, 0x0000100f
        .word   0x00001010, 0x00001011, 0x00001012, 0x00001013, 0x00001014, 0x00001015, 0x00001016, 0x00001017
        .word   0x00001018, 0x00001019, 0x0000101a, 0x0000101b, 0x0000101c, 0x0000101d, 0x0000101e, 0x0000101f
        .word   0x00001020, 0x00001021, 0x00001022, 0x00001023, 0x00001024, 0x00001025, 0x00001026, 0x00001027
        .word   0x00001028, 0x00001029, 0x0000102a, 0x0000102b, 0x0000102c, 0x0000102d, 0x0000102e, 0x0000102f
        .word   0x00001030, 0x00001031, 0x00001032, 0x00001033, 0x00001034, 0x00001035, 0x00001036, 0x00001037
        .word   0x00001038, 0x00001039, 0x0000103a, 0x0000103b, 0x0000103c, 0x0000103d, 0x0000103e, 0x0000103f
        .align  5
bytes:
        .byte   0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
        .byte   0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f
        .byte   0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f
        .byte   0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f
        .byte   0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f
        .byte   0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f
        .byte   0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f
        .byte   0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f
        .byte   0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f
        .byte   0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f
        .byte   0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf
        .byte   0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf
        .byte   0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf
        .byte   0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf
        .byte   0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef
        .byte   0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff
