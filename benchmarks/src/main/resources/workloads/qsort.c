/* Recursive quicksort of 20,000 pseudo-random ints, repeated with fresh data; every sort is
 * checked for order and for keeping the multiset (sum and a multiplicative hash).
 * About 400 M instructions at -O2 on RV32IM. main returns 0 when the checks pass. */
#define N 20000
#define ROUNDS 120

static unsigned state = 12345;
static int next(void) { state = state * 1103515245u + 12345u; return (int)(state >> 1) - 0x20000000; }

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void quicksort(int *v, int lo, int hi) {
    while (lo < hi) {
        int pivot = v[lo + (hi - lo) / 2], i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) swap(&v[i++], &v[j--]);
        }
        /* recurse into the smaller part, loop on the larger: the stack stays shallow */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
}

static int data[N];

int main(void) {
    for (int round = 0; round < ROUNDS; round++) {
        unsigned sum_before = 0, sum_after = 0, hash_before = 0, hash_after = 0;
        for (int i = 0; i < N; i++) {
            data[i] = next();
            sum_before += (unsigned)data[i];
            hash_before ^= (unsigned)data[i] * 2654435761u;
        }
        quicksort(data, 0, N - 1);
        for (int i = 0; i < N; i++) {
            if (i > 0 && data[i - 1] > data[i]) return 1;
            sum_after += (unsigned)data[i];
            hash_after ^= (unsigned)data[i] * 2654435761u;
        }
        if (sum_before != sum_after) return 2;
        if (hash_before != hash_after) return 3;
    }
    return 0;
}
