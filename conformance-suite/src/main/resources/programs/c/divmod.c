/* Division identities over signs and edge values; volatile keeps the compiler from folding. */
static volatile int vals[] = {0, 1, -1, 2, -2, 7, -7, 100, -100, 12345, -12345, 0x7fffffff, (int)0x80000000};
static volatile long long wide[] = {0, 1, -1, 3, -3, 1000000007LL, -1000000007LL, 0x7fffffffffffffffLL,
                                    (long long)0x8000000000000000ULL, 0x123456789abcdefLL};

int main(void) {
    int n = sizeof vals / sizeof vals[0];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            int a = vals[i], b = vals[j];
            if (b == 0) continue;
            if (a == (int)0x80000000 && b == -1) continue; /* C undefined; the ISA result is tested in asm */
            int q = a / b, r = a % b;
            if (q * b + r != a) return 1;
            if (r != 0 && ((r < 0) != (a < 0))) return 2;
            long long ar = r < 0 ? -(long long)r : r, ab = b < 0 ? -(long long)b : b; /* |INT_MIN| needs 64 bits */
            if (ar >= ab) return 3;
            unsigned ua = (unsigned)a, ub = (unsigned)b;
            if ((ua / ub) * ub + ua % ub != ua || ua % ub >= ub) return 4;
        }
    }
    int m = sizeof wide / sizeof wide[0];
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
            long long a = wide[i], b = wide[j];
            if (b == 0) continue;
            if (a == (long long)0x8000000000000000ULL && b == -1) continue;
            long long q = a / b, r = a % b;
            if (q * b + r != a) return 5;
            unsigned long long ua = (unsigned long long)a, ub = (unsigned long long)b;
            if ((ua / ub) * ub + ua % ub != ua) return 6;
        }
    }
    /* 32x32 -> 64 products exercise mulh/mulhu */
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            long long p = (long long)vals[i] * vals[j];
            unsigned long long up = (unsigned long long)(unsigned)vals[i] * (unsigned)vals[j];
            if ((int)p != vals[i] * vals[j]) return 7;
            if ((unsigned)up != (unsigned)vals[i] * (unsigned)vals[j]) return 8;
            if (vals[j] != 0 && vals[i] != (int)0x80000000 && p / vals[j] != vals[i]) return 9;
        }
    }
    return 0;
}
