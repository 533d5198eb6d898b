static unsigned state = 12345;
static int next(void) { state = state * 1103515245u + 12345u; return (int)(state >> 1) - 0x20000000; }

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void quicksort(int *v, int lo, int hi) {
    if (lo >= hi) return;
    int pivot = v[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
        while (v[i] < pivot) i++;
        while (v[j] > pivot) j--;
        if (i <= j) swap(&v[i++], &v[j--]);
    }
    quicksort(v, lo, j);
    quicksort(v, i, hi);
}

#define N 600
static int data[N];

int main(void) {
    unsigned sum_before = 0, sum_after = 0, xor_before = 0, xor_after = 0;
    for (int i = 0; i < N; i++) {
        data[i] = next();
        sum_before += (unsigned)data[i];
        xor_before ^= (unsigned)data[i] * 2654435761u;
    }
    quicksort(data, 0, N - 1);
    for (int i = 0; i < N; i++) {
        if (i > 0 && data[i - 1] > data[i]) return 1;
        sum_after += (unsigned)data[i];
        xor_after ^= (unsigned)data[i] * 2654435761u;
    }
    if (sum_before != sum_after) return 2;
    if (xor_before != xor_after) return 3;
    return 0;
}
