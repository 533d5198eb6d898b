#define LIMIT 10000
static unsigned char composite[LIMIT];

int main(void) {
    int count = 0;
    unsigned sum2000 = 0;
    for (int i = 2; i < LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        if (i < 2000) sum2000 += i;
        for (int j = i * i; j < LIMIT; j += i) composite[j] = 1;
    }
    if (count != 1229) return 1;
    if (sum2000 != 277050) return 2;
    return 0;
}
