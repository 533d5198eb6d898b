#define N 16
static int a[N][N], b[N][N], c[N][N];

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i * 7 - j * 3) % 11 - 5;
            b[i][j] = (i + 2 * j) % 13 - 6;
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
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
        if (lhs != rhs) return 1 + i;
    }
    for (int j = 0; j < N; j++) {
        int lhs = 0, rhs = 0;
        for (int i = 0; i < N; i++) lhs += c[i][j];
        for (int k = 0; k < N; k++) {
            int colsum = 0;
            for (int i = 0; i < N; i++) colsum += a[i][k];
            rhs += colsum * b[k][j];
        }
        if (lhs != rhs) return 100 + j;
    }
    return 0;
}
