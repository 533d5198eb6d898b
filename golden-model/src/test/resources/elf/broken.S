# Deliberately invalid: used to check that CrossCompiler reports the assembler's error output.
  .globl _start
_start:
  not_an_instruction a0, a1
