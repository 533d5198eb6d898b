/* CRC-32 (reflected, polynomial 0xEDB88320) two ways: table-driven (call make_table first) and
 * bitwise, one data-dependent step per bit. Shared by the crc32 conformance program and the
 * crc32 benchmark workload (benchmarks/pom.xml copies this file next to it). */
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
