/* 64x64 int32 matrix product C = A * B, repeated with A changing every round; the last product
 * is checked against row- and column-sum identities, and every round feeds a checksum.
 * About 370 M instructions at -O2 on RV32IM. main returns 0 when the checks pass. */
#define N 64
#define ROUNDS 200

static int a[N][N], b[N][N], c[N][N];

static void multiply(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i * 7 - j * 3) % 11 - 5;
            b[i][j] = (i + 2 * j) % 13 - 6;
        }
    unsigned checksum = 0;
    for (int round = 0; round < ROUNDS; round++) {
        a[round % N][(round * 5) % N] += round;
        multiply();
        checksum = checksum * 31 + (unsigned)c[round % N][(round * 3) % N];
    }
    /* sum_j C[i][j] == sum_k A[i][k] * (sum_j B[k][j]), and the same by columns */
    for (int i = 0; i < N; i++) {
        int lhs = 0, rhs = 0;
        for (int j = 0; j < N; j++) lhs += c[i][j];
        for (int k = 0; k < N; k++) {
            int rowsum = 0;
            for (int j = 0; j < N; j++) rowsum += b[k][j];
            rhs += a[i][k] * rowsum;
        }
        if (lhs != rhs) return 1;
    }
    for (int j = 0; j < N; j++) {
        int lhs = 0, rhs = 0;
        for (int i = 0; i < N; i++) lhs += c[i][j];
        for (int k = 0; k < N; k++) {
            int colsum = 0;
            for (int i = 0; i < N; i++) colsum += a[i][k];
            rhs += colsum * b[k][j];
        }
        if (lhs != rhs) return 2;
    }
    return checksum == 0 ? 3 : 0;
}
