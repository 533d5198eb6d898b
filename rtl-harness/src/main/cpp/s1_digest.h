/*
 * The DRAM digest of the end-of-program comparison: the sum (mod 2^64) over every non-zero 32-bit
 * word w at word index i of mix64((i << 32) | w), where mix64 is the SplitMix64 finaliser, a
 * bijection of 64-bit values. Zero words contribute nothing, so a scan skips them at memory speed;
 * any single changed word changes the sum. The golden model computes the same value in Java:
 * dev.seedverify.golden.exec.DramDigest (a test checks both on the same bytes).
 */
#ifndef S1_DIGEST_H
#define S1_DIGEST_H

#include <stdint.h>

static inline uint64_t s1_digest_mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* 64-bit loads of the 32-bit word array (x86-64: unaligned loads are fine; may_alias: no aliasing UB). */
typedef uint64_t __attribute__((may_alias, aligned(4))) s1_digest_u64;

/** The digest of `n` little-endian 32-bit words (word i = bytes 4i..4i+3 of DRAM). */
static inline uint64_t s1_dram_digest(const uint32_t* words, uint32_t n) {
    uint64_t sum = 0;
    uint32_t i = 0;
    /* DRAM is mostly zero: test 64 words (256 bytes) at a time with 32 branch-free 64-bit ORs. */
    for (; i + 64 <= n; i += 64) {
        const s1_digest_u64* q = (const s1_digest_u64*)(words + i);
        uint64_t any = 0;
        for (int k = 0; k < 32; k++) any |= q[k];
        if (any == 0) continue;
        for (uint32_t k = i; k < i + 64; k++) {
            if (words[k] != 0) sum += s1_digest_mix64(((uint64_t)k << 32) | words[k]);
        }
    }
    for (; i < n; i++) {
        if (words[i] != 0) sum += s1_digest_mix64(((uint64_t)i << 32) | words[i]);
    }
    return sum;
}

#endif /* S1_DIGEST_H */
