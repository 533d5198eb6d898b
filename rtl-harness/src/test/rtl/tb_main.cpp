// Standalone Verilator testbench for s1_top (plain C++, no Java).
//
// Loads an ELF (PT_LOAD segments, `tohost` symbol) or a raw binary into DRAM through the
// backdoor, resets the core in bare mode and runs until a store leaves a non-zero word at tohost,
// until the cycle budget runs out, or (--stop-on-trap) until the core stops after a trap.
// Every commit record is checked against RVFI invariants; --trace prints one line per record.
// Tile row accesses (rvfi_row_valid beats) are collected exactly as the harness does
// (s1model_abi.cpp: a beat seen in a cycle belongs to the next rvfi_valid record, the record of
// the same cycle included) and printed with their record, followed by the written tile.
// The same loop, with tracing off, is the native speed baseline (cycles/s, instr/s).
//
// Exit codes: 0 pass (tohost == 1, or the expected stop), 1 test failure (odd tohost),
// 2 timeout, 3 RVFI invariant violation, 4 usage / load error.
#include "Vs1_top.h"
#include "Vs1_top___024root.h"
#include "verilated.h"

#include <elf.h>
#include <sys/resource.h>

#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

constexpr uint32_t DRAM_BASE = 0x80000000u;

struct Options {
    std::string elf, bin;
    uint32_t tohost = 0;
    bool tohost_set = false;
    uint64_t max_cycles = 10'000'000;
    bool trace = false;
    bool quiet = false;
    bool stop_on_trap = false;
    int64_t expect_stop_cause = -1;     // --expect-stop CAUSE: pass iff the core stops after it
    uint32_t reset_pc = DRAM_BASE;
    uint32_t window_lo = 0, window_hi = 0;
    bool window_set = false;
    uint64_t bench_reps = 1;            // run the program this many times (reset between runs)
    bool bench = false;                 // --bench N: run N cycles; running out is not a failure
};

[[noreturn]] void usage(const char* msg) {
    std::fprintf(stderr, "tb_main: %s\n", msg);
    std::fprintf(stderr,
        "usage: s1_tb (--elf FILE | --bin FILE --tohost ADDR) [--max-cycles N] [--trace] [--quiet]\n"
        "             [--reset-pc ADDR] [--window LO HI] [--stop-on-trap] [--expect-stop CAUSE]\n"
        "             [--reps N] [--bench CYCLES]\n");
    std::exit(4);
}

uint64_t num(const char* s) { return std::strtoull(s, nullptr, 0); }

std::vector<uint8_t> read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) usage(("cannot open " + path).c_str());
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

struct Image {
    struct Seg { uint32_t addr; std::vector<uint8_t> data; uint32_t memsz; };
    std::vector<Seg> segs;
    bool has_tohost = false;
    uint32_t tohost = 0;
};

Image load_elf(const std::string& path) {
    std::vector<uint8_t> b = read_file(path);
    if (b.size() < sizeof(Elf32_Ehdr) || std::memcmp(b.data(), ELFMAG, SELFMAG) != 0 ||
        b[EI_CLASS] != ELFCLASS32 || b[EI_DATA] != ELFDATA2LSB)
        usage("not a 32-bit little-endian ELF");
    Elf32_Ehdr eh;
    std::memcpy(&eh, b.data(), sizeof eh);
    Image img;
    for (int i = 0; i < eh.e_phnum; i++) {
        Elf32_Phdr ph;
        std::memcpy(&ph, b.data() + eh.e_phoff + i * eh.e_phentsize, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        Image::Seg s;
        s.addr = ph.p_paddr;
        s.data.assign(b.begin() + ph.p_offset, b.begin() + ph.p_offset + ph.p_filesz);
        s.memsz = ph.p_memsz;
        img.segs.push_back(std::move(s));
    }
    for (int i = 0; i < eh.e_shnum; i++) {
        Elf32_Shdr sh;
        std::memcpy(&sh, b.data() + eh.e_shoff + i * eh.e_shentsize, sizeof sh);
        if (sh.sh_type != SHT_SYMTAB) continue;
        Elf32_Shdr strh;
        std::memcpy(&strh, b.data() + eh.e_shoff + sh.sh_link * eh.e_shentsize, sizeof strh);
        for (uint32_t k = 0; k < sh.sh_size / sizeof(Elf32_Sym); k++) {
            Elf32_Sym sym;
            std::memcpy(&sym, b.data() + sh.sh_offset + k * sizeof(Elf32_Sym), sizeof sym);
            const char* name = reinterpret_cast<const char*>(b.data() + strh.sh_offset + sym.st_name);
            if (std::strcmp(name, "tohost") == 0) {
                img.has_tohost = true;
                img.tohost = sym.st_value;
            }
        }
    }
    return img;
}

constexpr int kMaxRows = 8;        // CommitLog.MAX_ACCESSES: one per tile row

// Xseed encodings the protocol checks need (custom-0, funct3 = 0: tld/tst/tstn by funct7).
bool is_tile_mem(uint32_t insn) { return (insn & 0x707f) == 0x000b && (insn >> 25) <= 2; }

struct RowBeat {
    uint32_t addr, rmask, wmask;
    uint32_t data[8];
};

class Bench {
public:
    explicit Bench(const Options& o) : opt_(o), top_(&ctx_) {}

    static constexpr size_t kWords =
        sizeof(decltype(std::declval<Vs1_top___024root>().s1_top__DOT__u_dram__DOT__mem)) / sizeof(uint32_t);

    uint32_t& word(uint32_t addr) {
        return top_.rootp->s1_top__DOT__u_dram__DOT__mem[((addr - DRAM_BASE) >> 2) % kWords];
    }

    void load(const Image& img) {
        for (size_t i = 0; i < kWords; i++) top_.rootp->s1_top__DOT__u_dram__DOT__mem[i] = 0;
        for (const auto& s : img.segs) {
            if (s.addr < DRAM_BASE || uint64_t(s.addr) + s.memsz > uint64_t(DRAM_BASE) + kWords * 4)
                usage("segment outside DRAM");
            for (uint32_t k = 0; k < s.data.size(); k++) {
                uint32_t a = s.addr + k;
                uint32_t& w = word(a & ~3u);
                w = (w & ~(0xFFu << (8 * (a & 3)))) | (uint32_t(s.data[k]) << (8 * (a & 3)));
            }
        }
    }

    void tick() {
        top_.clk = 0;
        top_.eval();
        top_.clk = 1;
        top_.eval();
        cycles_++;
    }

    void reset() {
        top_.reset_pc = opt_.reset_pc;
        top_.window_lo = opt_.window_set ? opt_.window_lo : DRAM_BASE;
        top_.window_hi = opt_.window_set ? opt_.window_hi : DRAM_BASE + uint32_t(kWords * 4);
        top_.stop_on_trap = opt_.stop_on_trap;
        top_.rst_n = 0;
        for (int i = 0; i < 3; i++) tick();
        top_.rst_n = 1;
        cycles_ = 0;
        records_ = retired_ = 0;
        nrows_ = 0;
        expect_pc_ = opt_.reset_pc;
    }

    enum Result { PASS = 0, FAIL = 1, TIMEOUT = 2, BROKEN = 3 };

    Result run(uint32_t tohost, bool has_tohost) {
        uint64_t stop_at = 0;          // cycle by which an idle core is accepted as stopped
        bool trapped_stop = false;
        int64_t stop_cause = -1;
        // The tohost word as the committed stores leave it, in order (spec §3: the verdict is the word
        // after the ending store). DRAM may already hold bytes of younger stores, which write at the
        // EX->MEM edge, two cycles before an older store's record leaves WB.
        uint32_t committed = has_tohost ? word(tohost) : 0;
        while (cycles_ < opt_.max_cycles) {
            tick();
            if (top_.rvfi_row_valid) {
                if (nrows_ >= kMaxRows) {
                    std::printf("BROKEN: more than %d tile row accesses before one record (cycle %" PRIu64 ")\n",
                                kMaxRows, cycles_);
                    return BROKEN;
                }
                RowBeat& b = rows_[nrows_++];
                b.addr = top_.rvfi_row_addr;
                b.rmask = top_.rvfi_row_rmask;
                b.wmask = top_.rvfi_row_wmask;
                for (int w = 0; w < 8; w++) b.data[w] = top_.rvfi_row_data[w];
            }
            if (!top_.rvfi_valid) {
                if (trapped_stop && cycles_ >= stop_at) {
                    if (!opt_.quiet) std::printf("STOPPED after trap cause %" PRId64 "\n", stop_cause);
                    return stop_cause == opt_.expect_stop_cause ? PASS : FAIL;
                }
                continue;
            }
            if (trapped_stop) {
                std::printf("BROKEN: record after a stop_on_trap trap\n");
                print_record();
                return BROKEN;
            }
            records_++;
            if (!top_.rvfi_trap) retired_++;
            if (opt_.trace) print_record();
            if (!check_record()) return BROKEN;
            if (top_.rvfi_trap && opt_.stop_on_trap) {
                trapped_stop = true;
                stop_cause = top_.rvfi_trap_cause;
                stop_at = cycles_ + 200;
            }
            bool hits_tohost = false;
            if (has_tohost && top_.rvfi_mem_wmask != 0 && top_.rvfi_mem_addr == tohost) {
                committed = merge(committed, top_.rvfi_mem_wdata, top_.rvfi_mem_wmask);
                hits_tohost = true;
            }
            for (int k = 0; k < nrows_ && has_tohost; k++) {
                const uint32_t off = tohost - rows_[k].addr;     // rows are word-aligned
                if (off >= 32 || ((rows_[k].wmask >> off) & 0xF) == 0) continue;
                committed = merge(committed, rows_[k].data[off / 4], (rows_[k].wmask >> off) & 0xF);
                hits_tohost = true;
            }
            nrows_ = 0;
            if (hits_tohost && committed != 0) {
                tohost_value_ = committed;
                return tohost_value_ == 1 ? PASS : FAIL;
            }
        }
        return TIMEOUT;
    }

    uint64_t cycles() const { return cycles_; }
    uint64_t records() const { return records_; }
    uint64_t retired() const { return retired_; }
    uint32_t tohost_value() const { return tohost_value_; }

private:
    // `word` with the byte lanes of `lanes` (4 bits) taken from `data`.
    static uint32_t merge(uint32_t word, uint32_t data, uint32_t lanes) {
        uint32_t m = 0;
        for (int i = 0; i < 4; i++) if ((lanes >> i) & 1) m |= 0xFFu << (8 * i);
        return (word & ~m) | (data & m);
    }

    void print_record() {
        const auto& t = top_;
        std::printf("%" PRIu64 " %08x %08x", uint64_t(t.rvfi_order), t.rvfi_pc_rdata, t.rvfi_insn);
        if (t.rvfi_trap) std::printf(" trap %u %08x", t.rvfi_trap_cause, t.rvfi_trap_tval);
        if (t.rvfi_rd_addr) std::printf(" x%u=%08x", t.rvfi_rd_addr, t.rvfi_rd_wdata);
        if (t.rvfi_mem_rmask | t.rvfi_mem_wmask)
            std::printf(" mem %08x r%x %08x w%x %08x", t.rvfi_mem_addr, t.rvfi_mem_rmask, t.rvfi_mem_rdata,
                        t.rvfi_mem_wmask, t.rvfi_mem_wdata);
        for (int k = 0; k < nrows_; k++) {
            const RowBeat& b = rows_[k];
            std::printf(" row %08x r%08x w%08x ", b.addr, b.rmask, b.wmask);
            for (int w = 0; w < 8; w++) {
                uint32_t m = b.rmask | b.wmask, lanes = 0;
                for (int i = 0; i < 4; i++) if ((m >> (4 * w + i)) & 1) lanes |= 0xFFu << (8 * i);
                std::printf("%s%08x", w ? "." : "", b.data[w] & lanes);
            }
        }
        if (t.rvfi_csr_read | t.rvfi_csr_write) {
            std::printf(" csr %03x", t.rvfi_csr_addr);
            if (t.rvfi_csr_read) std::printf(" r %08x", t.rvfi_csr_rdata);
            if (t.rvfi_csr_write) std::printf(" w %08x", t.rvfi_csr_wdata);
        }
        if (t.rvfi_tile_valid) {
            std::printf(" tile m%u ", t.rvfi_tile_index);
            for (int w = 0; w < 64; w++) std::printf("%08x", t.rvfi_tile_data[w]);
        }
        std::printf(" -> %08x\n", t.rvfi_pc_wdata);
    }

    bool broken(const char* what) {
        std::printf("BROKEN record %" PRIu64 ": %s\n", records_ - 1, what);
        print_record();
        return false;
    }

    // RVFI invariants that hold for every record regardless of the program.
    bool check_record() {
        const auto& t = top_;
        if (uint64_t(t.rvfi_order) != records_ - 1) return broken("order is not consecutive");
        if (t.rvfi_pc_rdata != expect_pc_) return broken("pc_rdata differs from the previous pc_wdata");
        expect_pc_ = t.rvfi_pc_wdata;
        if (t.rvfi_rd_addr == 0 && t.rvfi_rd_wdata != 0) return broken("rd_wdata != 0 for x0");
        if (t.rvfi_mem_addr & 3) return broken("mem_addr not word aligned");
        if (t.rvfi_mem_rmask && t.rvfi_mem_wmask) return broken("read and write in one record");
        // Tile row accesses: exactly 8 for a retiring tld/tst/tstn (so none leaked into a
        // neighbouring record), none anywhere else.
        const bool tile_mem = !t.rvfi_trap && is_tile_mem(t.rvfi_insn);
        if (tile_mem && nrows_ != 8) return broken("tld/tst/tstn without exactly 8 row accesses");
        if (!tile_mem && nrows_ != 0) return broken("row accesses attached to a record that is not tld/tst/tstn");
        if (t.rvfi_tile_valid && ((t.rvfi_insn & 0x7f) != 0x0b || t.rvfi_trap))
            return broken("tile write in a record that is not a retiring Xseed instruction");
        if (t.rvfi_trap) {
            if (t.rvfi_rd_addr || t.rvfi_mem_rmask || t.rvfi_mem_wmask || t.rvfi_csr_read || t.rvfi_csr_write)
                return broken("trap with side effects");
            if (t.rvfi_trap_cause == 1 && t.rvfi_insn != 0) return broken("fetch fault with insn != 0");
        } else if (t.rvfi_pc_wdata & 3) {
            return broken("misaligned pc_wdata");
        }
        return true;
    }

    const Options& opt_;
    VerilatedContext ctx_;
    Vs1_top top_;
    uint64_t cycles_ = 0, records_ = 0, retired_ = 0;
    RowBeat rows_[kMaxRows];
    int nrows_ = 0;
    uint32_t expect_pc_ = 0;
    uint32_t tohost_value_ = 0;
};

double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec) + double(ru.ru_stime.tv_sec) +
           1e-6 * double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) usage(("missing value after " + a).c_str());
            return argv[++i];
        };
        if (a == "--elf") o.elf = next();
        else if (a == "--bin") o.bin = next();
        else if (a == "--tohost") { o.tohost = uint32_t(num(next())); o.tohost_set = true; }
        else if (a == "--max-cycles") o.max_cycles = num(next());
        else if (a == "--trace") o.trace = true;
        else if (a == "--quiet") o.quiet = true;
        else if (a == "--reset-pc") o.reset_pc = uint32_t(num(next()));
        else if (a == "--window") { o.window_lo = uint32_t(num(next())); o.window_hi = uint32_t(num(next())); o.window_set = true; }
        else if (a == "--stop-on-trap") o.stop_on_trap = true;
        else if (a == "--expect-stop") { o.expect_stop_cause = int64_t(num(next())); o.stop_on_trap = true; }
        else if (a == "--reps") o.bench_reps = num(next());
        else if (a == "--bench") { o.max_cycles = num(next()); o.bench = true; o.quiet = true; }
        else usage(("unknown option " + a).c_str());
    }
    if (o.elf.empty() == o.bin.empty()) usage("give exactly one of --elf and --bin");

    Image img;
    if (!o.elf.empty()) {
        img = load_elf(o.elf);
    } else {
        Image::Seg s;
        s.addr = o.reset_pc;
        s.data = read_file(o.bin);
        s.memsz = uint32_t(s.data.size());
        img.segs.push_back(std::move(s));
    }
    uint32_t tohost = o.tohost_set ? o.tohost : img.tohost;
    bool has_tohost = o.tohost_set || img.has_tohost;

    Bench bench(o);
    Bench::Result r = Bench::TIMEOUT;
    uint64_t cycles = 0, records = 0, retired = 0;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_seconds();
    for (uint64_t rep = 0; rep < o.bench_reps; rep++) {
        bench.load(img);
        bench.reset();
        r = bench.run(tohost, has_tohost);
        cycles += bench.cycles();
        records += bench.records();
        retired += bench.retired();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = cpu_seconds() - c0;

    if (o.bench && r == Bench::TIMEOUT) r = Bench::PASS;   // the cycle budget is the benchmark
    const char* verdict = r == Bench::PASS ? "PASS" : r == Bench::FAIL ? "FAIL" : r == Bench::TIMEOUT ? "TIMEOUT" : "BROKEN";
    if (!o.quiet || r != Bench::PASS) {
        std::printf("%s", verdict);
        if (r == Bench::FAIL && bench.tohost_value() != 0)
            std::printf(" (tohost=0x%x, test %u)", bench.tohost_value(), bench.tohost_value() >> 1);
        std::printf("\n");
    }
    // Rates use CPU time (robust on a shared machine); wall time is printed alongside.
    std::printf("cycles=%" PRIu64 " records=%" PRIu64 " retired=%" PRIu64 " wall=%.3fs cpu=%.3fs cycles/s=%.0f instr/s=%.0f CPI=%.3f\n",
                cycles, records, retired, secs, cpu, cycles / cpu, retired / cpu,
                retired ? double(cycles) / double(retired) : 0.0);
    return int(r);
}
