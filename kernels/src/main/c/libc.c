/* The few C library functions compilers emit calls to on their own (structure copies, loops
   recognised as block fills and copies). The kernels call nothing else: no libgcc and no C
   library is linked, so any other helper a compiler wanted would fail the link. Written so that
   the compiler cannot turn these loops back into calls to themselves. */
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) && !defined(__clang__)
#define S1K_NO_IDIOMS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define S1K_NO_IDIOMS
#endif

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);

S1K_NO_IDIOMS void *memset(void *dst, int c, size_t n) {
    volatile unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

S1K_NO_IDIOMS void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    volatile unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

S1K_NO_IDIOMS void *memmove(void *dst, const void *src, size_t n) {
    volatile unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}
