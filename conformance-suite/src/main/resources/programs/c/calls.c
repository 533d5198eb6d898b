struct point { int x, y, z; };

static struct point add(struct point a, struct point b) {
    struct point r = {a.x + b.x, a.y + b.y, a.z + b.z};
    return r;
}

static int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static int twice(int v) { return 2 * v; }
static int square(int v) { return v * v; }
static int negate(int v) { return -v; }

static int classify(int v) {
    switch (v & 7) {
        case 0: return 11;
        case 1: return 23;
        case 2: return 5;
        case 3: return 42;
        case 4: return -3;
        case 5: return 8;
        case 6: return 19;
        default: return 0;
    }
}

int main(void) {
    int (*ops[3])(int) = {twice, square, negate};
    struct point p = {1, 2, 3};
    for (int i = 0; i < 10; i++) p = add(p, p);
    if (p.x != 1024 || p.y != 2048 || p.z != 3072) return 1;
    if (ack(2, 3) != 9) return 2;
    int acc = 0;
    for (int i = 0; i < 30; i++) acc += ops[i % 3](i);
    if (acc != 2960) return 3;
    int s = 0;
    for (int i = 0; i < 64; i++) s += classify(i * 3);
    if (s != 8 * (11 + 23 + 5 + 42 - 3 + 8 + 19)) return 4;
    return 0;
}
