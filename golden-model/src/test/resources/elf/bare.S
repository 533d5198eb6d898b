# Tiny bare-mode program for the ELF loader's toolchain test (spec §3).
# Known layout (see bare.ld): _start = 0x80000000, tohost = 0x80001000,
# begin_signature = 0x80002000, end_signature = begin_signature + 16,
# followed by 64 bytes of .bss (zero-fill).

  .section .text.init, "ax", @progbits
  .globl _start
_start:
  la    t0, trap_handler
  csrw  mtvec, t0
  la    a0, begin_signature
  li    t1, 0x1234
  sw    t1, 0(a0)
  li    t1, 1                 # HTIF: 1 = pass
  la    t2, tohost
  sw    t1, 0(t2)
1:
  j     1b

  .text
  .globl trap_handler
trap_handler:
  li    t1, 3                 # HTIF: fail, test number 1
  la    t2, tohost
  sw    t1, 0(t2)
2:
  j     2b

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
  .align 6
  .globl fromhost
fromhost:
  .dword 0

  .data
  .align 4
  .globl begin_signature
begin_signature:
  .word 0xdeadbeef, 0x01234567, 0x89abcdef, 0xcafef00d
  .globl end_signature
end_signature:

  .bss
  .align 4
  .globl scratch
scratch:
  .space 64
