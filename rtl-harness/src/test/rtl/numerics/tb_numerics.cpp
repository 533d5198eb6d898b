// Compares the RTL numerics functions (through tb_numerics.sv) with vectors from the golden
// model (NumericsVectors.java) read on stdin. Prints the first mismatches and a summary; exit 0
// iff every vector matched.
#include "Vtb_numerics.h"
#include "verilated.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

static void setRow(VlWide<8>& w, const std::string& hex) {
    // 64 hex digits, most significant first
    for (int i = 0; i < 8; i++) w[7 - i] = uint32_t(std::stoul(hex.substr(8 * i, 8), nullptr, 16));
}

int main(int argc, char** argv) {
    VerilatedContext ctx;
    ctx.commandArgs(argc, argv);
    Vtb_numerics t(&ctx);
    std::string line;
    uint64_t count[5] = {0}, bad = 0;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string kind;
        in >> kind;
        uint64_t expect = 0;
        int k = 0;
        std::string s1, s2, s3, s4, s5, s6;
        if (kind == "A") {
            in >> s1 >> s2 >> s3;
            t.sel = 0; t.a = std::stoul(s1, nullptr, 16); t.b = std::stoul(s2, nullptr, 16);
            expect = std::stoull(s3, nullptr, 16); k = 0;
        } else if (kind == "R") {
            in >> s1 >> s2 >> s3;
            t.sel = 1; t.p = std::stoull(s1, nullptr, 16); t.a = uint32_t(std::stoi(s2));
            expect = std::stoull(s3, nullptr, 16); k = 1;
        } else if (kind == "E") {
            in >> s1 >> s2 >> s3 >> s4 >> s5 >> s6;
            t.sel = 2; t.a = std::stoul(s1, nullptr, 16); t.b = std::stoul(s2, nullptr, 16);
            t.c = std::stoul(s3, nullptr, 16); setRow(t.arow, s4); setRow(t.brow, s5);
            expect = std::stoull(s6, nullptr, 16); k = 2;
        } else if (kind == "C") {
            in >> s1 >> s2;
            t.sel = 3; t.a = std::stoul(s1, nullptr, 16); expect = std::stoull(s2, nullptr, 16); k = 3;
        } else if (kind == "Q") {
            in >> s1 >> s2 >> s3 >> s4 >> s5;
            t.sel = 4; t.a = std::stoul(s1, nullptr, 16); t.b = std::stoul(s2, nullptr, 16);
            t.c = std::stoul(s3, nullptr, 16); t.d = std::stoul(s4, nullptr, 16);
            expect = std::stoull(s5, nullptr, 16); k = 4;
        } else {
            continue;
        }
        t.eval();
        count[k]++;
        if (uint64_t(t.r) != expect) {
            if (bad < 20) std::printf("MISMATCH %s -> rtl %09" PRIx64 "\n", line.c_str(), uint64_t(t.r));
            bad++;
        }
    }
    std::printf("numerics: add %" PRIu64 ", round %" PRIu64 ", e4m3 element %" PRIu64 ", to_e4m3 %" PRIu64
                ", requant %" PRIu64 " vectors; %" PRIu64 " mismatches\n",
                count[0], count[1], count[2], count[3], count[4], bad);
    return bad == 0 && count[0] && count[1] && count[2] && count[3] && count[4] ? 0 : 1;
}
