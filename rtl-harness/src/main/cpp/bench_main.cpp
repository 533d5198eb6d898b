// Native throughput baseline for an S1 model library: the same work as the Java path
// (dev.seedverify.rtl.bench.RtlThroughput) minus the JVM. It dlopens the library exactly like the
// JNI glue, backdoor-loads an ELF, resets in bare mode and runs it to the tohost halt in batches
// of --batch records drained into CommitLog-layout buffers; it reports cycles/s, retired
// instructions/s and records/s of the best of --reps timed runs (after one untimed warm-up run).
//
// usage: s1bench --lib libs1model.so --elf program.elf [--batch 256] [--reps 3] [--max-cycles N] [--count-only]
// --count-only: no buffers attached, records are only counted (the simulation alone).
// Rates are reported per wall-clock second and per CPU second of the running thread (the latter is
// robust against other processes on a shared machine).
#include "s1model.h"
#include "s1_commit_layout.h"

#include <dlfcn.h>
#include <elf.h>

#include <time.h>

#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

[[noreturn]] void die(const std::string& m) {
    std::fprintf(stderr, "s1bench: %s\n", m.c_str());
    std::exit(2);
}

struct Segment {
    uint32_t addr;
    std::vector<uint8_t> data;
    uint32_t memsz;
};

struct Image {
    std::vector<Segment> segments;
    bool hasTohost = false;
    uint32_t tohost = 0;
};

Image readElf(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) die("cannot open " + path);
    std::vector<uint8_t> b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (b.size() < sizeof(Elf32_Ehdr) || std::memcmp(b.data(), ELFMAG, SELFMAG) != 0 || b[EI_CLASS] != ELFCLASS32)
        die(path + " is not an ELF32 file");
    Elf32_Ehdr eh;
    std::memcpy(&eh, b.data(), sizeof eh);
    Image img;
    for (int i = 0; i < eh.e_phnum; i++) {
        Elf32_Phdr ph;
        std::memcpy(&ph, b.data() + eh.e_phoff + size_t(i) * eh.e_phentsize, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        Segment s{ph.p_vaddr, std::vector<uint8_t>(b.begin() + ph.p_offset, b.begin() + ph.p_offset + ph.p_filesz),
                  ph.p_memsz};
        img.segments.push_back(std::move(s));
    }
    for (int i = 0; i < eh.e_shnum; i++) {
        Elf32_Shdr sh;
        std::memcpy(&sh, b.data() + eh.e_shoff + size_t(i) * eh.e_shentsize, sizeof sh);
        if (sh.sh_type != SHT_SYMTAB) continue;
        Elf32_Shdr str;
        std::memcpy(&str, b.data() + eh.e_shoff + size_t(sh.sh_link) * eh.e_shentsize, sizeof str);
        for (uint32_t k = 0; k < sh.sh_size / sizeof(Elf32_Sym); k++) {
            Elf32_Sym sym;
            std::memcpy(&sym, b.data() + sh.sh_offset + k * sizeof(Elf32_Sym), sizeof sym);
            if (std::strcmp(reinterpret_cast<const char*>(b.data() + str.sh_offset + sym.st_name), "tohost") == 0) {
                img.hasTohost = true;
                img.tohost = sym.st_value;
            }
        }
    }
    return img;
}

double threadCpuSeconds() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct RunStats {
    uint64_t cycles = 0, records = 0, retired = 0;
    double seconds = 0, cpuSeconds = 0;
    int status = 0;
    int64_t tohost = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::string lib, elf;
    int batch = 256, reps = 3;
    bool countOnly = false;
    uint64_t maxCycles = 2'000'000'000ull;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--lib") lib = next();
        else if (a == "--elf") elf = next();
        else if (a == "--batch") batch = std::atoi(next().c_str());
        else if (a == "--reps") reps = std::atoi(next().c_str());
        else if (a == "--max-cycles") maxCycles = std::strtoull(next().c_str(), nullptr, 0);
        else if (a == "--count-only") countOnly = true;
        else die("unknown option " + a + " (usage: s1bench --lib L --elf E [--batch N] [--reps N] [--max-cycles N])");
    }
    if (lib.empty() || elf.empty()) die("--lib and --elf are required");
    if (batch <= 0 || reps <= 0) die("--batch and --reps must be positive");

    void* handle = dlopen(lib.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) die(std::string("dlopen: ") + dlerror());
    auto getApi = reinterpret_cast<s1model_get_api_fn>(dlsym(handle, S1MODEL_ENTRY));
    if (!getApi) die(std::string("dlsym: ") + dlerror());
    const s1model_api* api = getApi();
    if (api->abi_version != S1MODEL_ABI_VERSION) die("ABI version mismatch");

    Image img = readElf(elf);
    char err[512];
    s1model_sim* sim = api->create(err, sizeof err);
    if (!sim) die(std::string("create: ") + err);
    api->set_echo(sim, 2);
    api->set_hang_budget(sim, 10000);

    std::vector<int32_t> rec(size_t(batch) * S1_CL_RECORD_INTS);
    std::vector<int32_t> acc(size_t(batch) * S1_CL_MAX_ACCESSES * S1_CL_ACCESS_INTS);
    std::vector<int32_t> tiles(size_t(batch) * S1_CL_TILE_INTS);
    if (!countOnly) api->set_buffers(sim, rec.data(), acc.data(), tiles.data(), batch);

    auto load = [&]() {
        api->dram_fill(sim, 0, api->dram_bytes, 0);
        for (const Segment& s : img.segments) {
            if (s.addr < S1_DRAM_BASE || uint64_t(s.addr) + s.memsz > uint64_t(S1_DRAM_BASE) + api->dram_bytes)
                die("segment outside DRAM");
            if (api->dram_write(sim, s.addr - S1_DRAM_BASE, s.data.data(), uint32_t(s.data.size())) != S1_OK)
                die(api->error(sim));
        }
        api->set_tohost(sim, img.hasTohost ? 1 : 0, img.tohost);
        api->reset(sim, S1_MODE_BARE, S1_DRAM_BASE, S1_DRAM_BASE, uint32_t(S1_DRAM_BASE + uint64_t(api->dram_bytes)), 0, 5);
    };

    // One run to the halt, batch by batch (what RtlBackend.advance does, without the JVM).
    auto runOnce = [&]() {
        RunStats st;
        load();
        int64_t res[S1R_COUNT];
        auto t0 = std::chrono::steady_clock::now();
        double c0 = threadCpuSeconds();
        uint64_t sink = 0;
        for (;;) {
            int status = api->run(sim, maxCycles - st.cycles, uint64_t(batch), res);
            st.cycles += uint64_t(res[S1R_CYCLES]);
            st.records += uint64_t(res[S1R_RECORDS]);
            st.retired += uint64_t(res[S1R_RETIRED]);
            // Touch the drained batch like a consumer would (cheap: one int per record).
            if (!countOnly) {
                for (int64_t k = 0; k < res[S1R_RECORDS]; k++) sink += uint32_t(rec[size_t(k) * S1_CL_RECORD_INTS + S1_CL_PC]);
            }
            if (status != S1_RECORD_LIMIT) {
                st.status = status;
                st.tohost = res[S1R_TOHOST];
                break;
            }
            if (st.cycles >= maxCycles) {
                st.status = S1_CYCLE_LIMIT;
                break;
            }
        }
        st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        st.cpuSeconds = threadCpuSeconds() - c0;
        if (sink == 42) std::printf(" ");
        return st;
    };

    RunStats warm = runOnce();
    if (warm.status != S1_HALTED) {
        die("the program did not halt (status " + std::to_string(warm.status) + "): " + api->error(sim));
    }
    RunStats best, bestCpu;
    for (int r = 0; r < reps; r++) {
        RunStats st = runOnce();
        std::printf("run %d: %.3fs (cpu %.3fs) cycles=%" PRIu64 " retired=%" PRIu64 " records=%" PRIu64
                    " -> %.0f cycles/s %.0f instr/s\n",
                    r + 1, st.seconds, st.cpuSeconds, st.cycles, st.retired, st.records, st.cycles / st.seconds,
                    st.retired / st.seconds);
        if (r == 0 || st.seconds < best.seconds) best = st;
        if (r == 0 || st.cpuSeconds < bestCpu.cpuSeconds) bestCpu = st;
    }
    std::printf("native: batch=%d%s cycles=%" PRIu64 " retired=%" PRIu64 " tohost=%" PRId64
                " best=%.3fs cycles/s=%.0f instr/s=%.0f records/s=%.0f cpu_cycles/s=%.0f cpu_instr/s=%.0f\n",
                batch, countOnly ? " count-only" : "", best.cycles, best.retired, best.tohost, best.seconds,
                best.cycles / best.seconds, best.retired / best.seconds, best.records / best.seconds,
                bestCpu.cycles / bestCpu.cpuSeconds, bestCpu.retired / bestCpu.cpuSeconds);
    api->destroy(sim);
    return 0;
}
