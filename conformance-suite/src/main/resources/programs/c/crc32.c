static unsigned table[256];

static void make_table(void) {
    for (unsigned n = 0; n < 256; n++) {
        unsigned c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

static unsigned crc_table(const unsigned char *p, int len) {
    unsigned c = 0xFFFFFFFFu;
    for (int i = 0; i < len; i++) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static unsigned crc_bitwise(const unsigned char *p, int len) {
    unsigned c = 0xFFFFFFFFu;
    for (int i = 0; i < len; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
    }
    return ~c;
}

static unsigned char buf[1024];

int main(void) {
    static const char check[] = "123456789";
    make_table();
    if (crc_table((const unsigned char *)check, 9) != 0xCBF43926u) return 1;
    for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (unsigned char)(i * 7 + (i >> 3));
    if (crc_table(buf, sizeof buf) != crc_bitwise(buf, sizeof buf)) return 2;
    return 0;
}
