/* The kernel runtime for the LAUNCH ABI (spec §4.2). A launch starts at one of these entries
   with a0 = the kernel's argument block and sp = the top of a 16-byte-aligned stack inside the
   window, every other register zero. The entry calls the kernel's C function and executes ecall
   with its int32 result still in a0: that ends the launch (status OK, result = a0). There is no
   trap handler and no tohost: any trap ends the launch with status TRAP. No gp, no .bss
   clearing: the placement writes the image's zero-initialised bytes, and the code addresses
   everything pc-relatively (so the image runs wherever it is placed). */
#include "s1_kernels.h"

#define S1K_ENTRY(name)                                       \
        .section .text.entry.name, "ax", @progbits;           \
        .globl s1k_entry_##name;                              \
        .type s1k_entry_##name, @function;                    \
        .align 2;                                             \
s1k_entry_##name:                                             \
        call s1k_##name;                                      \
        ecall;                                                \
        .size s1k_entry_##name, . - s1k_entry_##name;

S1K_ENTRY_POINTS(S1K_ENTRY)
