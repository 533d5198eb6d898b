#include "crc32.h"

static unsigned char buf[1024];

int main(void) {
    static const char check[] = "123456789";
    make_table();
    if (crc_table((const unsigned char *)check, 9) != 0xCBF43926u) return 1;
    for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (unsigned char)(i * 7 + (i >> 3));
    if (crc_table(buf, sizeof buf) != crc_bitwise(buf, sizeof buf)) return 2;
    return 0;
}
