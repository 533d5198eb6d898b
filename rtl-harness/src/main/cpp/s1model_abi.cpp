// The C ABI of an S1 model library (s1model.h) around one verilated s1_top (class Vs1_top).
//
// Compiled by build-model.sh together with the verilated model and its own copy of the Verilator
// runtime, with hidden visibility: s1model_get_api() is the only exported symbol.
//
// Containment: Verilator's vl_fatal / vl_stop / vl_finish are replaced (VL_USER_FATAL, VL_USER_STOP,
// VL_USER_FINISH) by functions that throw SimAbort; every ABI entry point catches SimAbort, any
// std::exception and anything else, marks the simulator dead and returns S1_CRASH. Nothing here
// calls exit() or abort().
//
// Commit records are written in the golden model's CommitLog layout (s1_commit_layout.h is
// generated from CommitLog by dev.seedverify.golden.gen.CommitLayoutHeader).

#include "s1model.h"
#include "s1_commit_layout.h"
#include "s1_device.h"
#include "s1_digest.h"
#include "s1model_build.h"  // written by build-model.sh: S1MODEL_DRAM_BYTES, S1MODEL_INFO

#include "Vs1_top.h"
#include "verilated.h"
#include "verilated_syms.h"
#if VM_TRACE_FST
#include "verilated_fst_c.h"
#endif

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#ifndef S1MODEL_DRAM_BYTES
#error "build-model.sh defines S1MODEL_DRAM_BYTES"
#endif
#ifndef S1MODEL_INFO
#define S1MODEL_INFO "s1 model"
#endif

#define S1_EXPORT extern "C" __attribute__((visibility("default")))

static_assert(S1_CL_ACCESS_INTS == 3 + 2 * S1_CL_ACCESS_DATA_INTS, "CommitLog access layout changed");
static_assert(S1_CL_MEM_RDATA + S1_CL_ACCESS_DATA_INTS <= S1_CL_MEM_WDATA, "CommitLog access layout changed");
static_assert(S1_CL_ACCESS_DATA_INTS * 4 == S1_TILES_ROW_BYTES, "a row access holds one tile row");
static_assert(S1_CL_TILE_INTS * 4 == S1_TILES_TILE_BYTES, "a tile record holds one tile");
static_assert(S1_CL_MAX_ACCESSES >= 1, "at least one access per record");
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "DRAM backdoor copies bytes into 32-bit words");

namespace {

constexpr int kOutputKeep = 8192;

// Thrown by vl_fatal / vl_stop / vl_finish; caught at the ABI boundary.
struct SimAbort {
    std::string message;
};

struct Row {
    int32_t ints[S1_CL_ACCESS_INTS];
};

// A record (instruction or device event) produced while a host access clocked the model; the next
// run() delivers it before anything newer.
struct Kept {
    int32_t rec[S1_CL_RECORD_INTS];
    int32_t acc[S1_CL_MAX_ACCESSES * S1_CL_ACCESS_INTS];
    int32_t tile[S1_CL_TILE_INTS];
    bool touchesTohost;
    uint32_t tohost;    // the committed tohost word after this record (when it touches it)
};

// Cycles a host access may wait for its acknowledgement before it is a protocol error.
constexpr uint64_t kAccessCycles = 100000;
// Kept records reserved at creation: run() keeps at most one event (no room after a stop); host
// accesses may keep more (and then grow the vector, outside run()).
constexpr size_t kKeptReserve = 64;

// Byte-lane masks of a 4-bit lane nibble.
constexpr uint32_t kLanes[16] = {
    0x00000000u, 0x000000FFu, 0x0000FF00u, 0x0000FFFFu, 0x00FF0000u, 0x00FF00FFu, 0x00FFFF00u, 0x00FFFFFFu,
    0xFF000000u, 0xFF0000FFu, 0xFF00FF00u, 0xFF00FFFFu, 0xFFFF0000u, 0xFFFF00FFu, 0xFFFFFF00u, 0xFFFFFFFFu};

struct Sim {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Vs1_top> top;
#if VM_TRACE_FST
    std::unique_ptr<VerilatedFstC> tfp;
#endif
    // Backdoors (null when the model has no such public signal).
    uint32_t* mem = nullptr;
    uint32_t memWords = 0;
    const uint32_t* regs = nullptr;
    const uint32_t* pc = nullptr;
    const uint32_t* csrView = nullptr;      // s1_csr.csr_view: what each CSR reads
    const uint16_t* csrViewAddr = nullptr;  // s1_csr.csr_view_addr: its number
    int csrCount = 0;
    const uint32_t* tiles = nullptr;        // s1_tile.trf: 64 rows of 256 bits, row r of tile t at 8t + r
    int32_t* mutSel = nullptr;              // s1_mut_pkg::mut_sel: only in mutant models

    uint64_t cycle = 0;             // cycles since reset
    uint64_t lastProgressCycle = 0; // cycle of the last record, device event or device transfer (or reset)
    uint64_t records = 0, retired = 0, events = 0;   // delivered since reset
    uint64_t produced = 0;          // instruction records produced since reset (the ORDER of an event)
    int64_t lastOrder = -1;
    uint32_t lastPc = 0, lastPcNext = 0;
    uint32_t resetPc = S1_DRAM_BASE;
    bool stopOnTrap = false;
    bool commandMode = false;

    std::vector<Kept> kept;         // produced during host accesses, not yet delivered
    size_t keptHead = 0;

    bool tohostEnabled = false;
    uint32_t tohostAddr = 0;
    uint32_t tohostValue = 0;
    // The tohost word as the backdoor and the committed stores, in order, left it. DRAM itself may
    // already hold bytes of younger stores: they write at the EX->MEM edge, two cycles before the
    // record of an older store leaves WB.
    uint32_t tohostCommitted = 0;
    uint64_t hangBudget = 10000;

    int32_t* recBuf = nullptr;
    int32_t* accBuf = nullptr;
    int32_t* tileBuf = nullptr;
    int32_t capacity = 0;

    Row pending[S1_CL_MAX_ACCESSES];
    int npending = 0;

    bool dead = false;
    std::string error;
    std::string output;    // tail of the model's console output
    size_t callOutputStart = 0; // output.size() when the current call began (for crash messages)
    int echo = 2;
};

thread_local Sim* t_current = nullptr;

// Makes `s` the simulator whose output and context the Verilator runtime sees on this thread.
class Current {
public:
    explicit Current(Sim* s) : prev_(t_current) {
        t_current = s;
        s->callOutputStart = s->output.size();
        if (s->ctx) Verilated::threadContextp(s->ctx.get());
    }
    ~Current() { t_current = prev_; }

private:
    Sim* prev_;
};

// After a context is deleted: Verilator's thread-local and "last" context must not point to it.
// Every entry point sets the context of its own simulator again (class Current).
void forgetContext() { Verilated::threadContextp(nullptr); }

std::string where(const char* filename, int linenum) {
    std::string s;
    if (filename && filename[0]) {
        s += filename;
        if (linenum > 0) s += ":" + std::to_string(linenum);
    }
    return s;
}

// The last non-empty line the model printed during the current call, if any.
std::string lastLine(const Sim* s) {
    if (!s || s->output.size() <= s->callOutputStart) return "";
    std::string out = s->output.substr(s->callOutputStart);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) out.pop_back();
    size_t nl = out.rfind('\n');
    return nl == std::string::npos ? out : out.substr(nl + 1);
}

[[noreturn]] void abortSim(const std::string& what, const char* filename, int linenum, const char* msg) {
    std::string m = what;
    std::string w = where(filename, linenum);
    if (!w.empty()) m += " at " + w;
    if (msg && msg[0]) m += std::string(": ") + msg;
    std::string line = lastLine(t_current);
    if (!line.empty() && (!msg || line.find(msg) == std::string::npos)) m += ": " + line;
    throw SimAbort{m};
}

void kill(Sim* s, const std::string& message) {
    s->dead = true;
    s->error = message;
#if VM_TRACE_FST
    // Keep what was traced up to the crash readable.
    if (s->tfp) {
        try {
            s->tfp->flush();
        } catch (...) {
        }
    }
#endif
}

template <class F>
int32_t guarded(Sim* s, F&& body) {
    if (!s) return S1_BAD_ARGUMENT;
    if (s->dead) return S1_DEAD;
    Current cur(s);
    try {
        return body();
    } catch (const SimAbort& a) {
        kill(s, a.message);
    } catch (const std::bad_alloc&) {
        kill(s, "out of memory inside the model");
    } catch (const std::exception& e) {
        kill(s, std::string("C++ exception inside the model: ") + e.what());
    } catch (...) {
        kill(s, "unknown C++ exception inside the model");
    }
    return S1_CRASH;
}

int32_t bad(Sim* s, const std::string& message) {
    s->error = message;
    return S1_BAD_ARGUMENT;
}

inline void halfCycle(Sim* s) {
    s->top->eval();
#if VM_TRACE_FST
    if (VL_UNLIKELY(s->tfp != nullptr)) s->tfp->dump(s->ctx->time());
#endif
    s->ctx->timeInc(1);
}

inline void tick(Sim* s) {
    s->top->clk = 0;
    halfCycle(s);
    s->top->clk = 1;
    halfCycle(s);
    s->cycle++;
}

// Copies `words` 32-bit words of data into an access's data field, masked by byte mask `mask`.
inline void maskedCopy(int32_t* dst, const uint32_t* src, int words, uint32_t mask) {
    for (int w = 0; w < words; w++) dst[w] = int32_t(src[w] & kLanes[(mask >> (4 * w)) & 0xF]);
    for (int w = words; w < S1_CL_ACCESS_DATA_INTS; w++) dst[w] = 0;
}

// Reads the tohost word from DRAM into the committed copy: right after a backdoor write or a
// reset, when no store is in flight.
inline void syncTohost(Sim* s) {
    s->tohostCommitted = s->tohostEnabled ? s->mem[(s->tohostAddr - S1_DRAM_BASE) >> 2] : 0;
}

void findBackdoors(Sim* s) {
    const VerilatedScopeNameMap* scopes = s->ctx->scopeNameMap();
    if (!scopes) return;
    auto endsWith = [](const char* name, const char* suffix) {
        size_t n = std::strlen(name), k = std::strlen(suffix);
        return n >= k && std::strcmp(name + n - k, suffix) == 0;
    };
    for (const auto& it : *scopes) {
        const VerilatedScope* sc = it.second;
        if (endsWith(sc->name(), ".u_dram")) {
            if (VerilatedVar* v = sc->varFind("mem")) {
                if (v->vltype() == VLVT_UINT32 && v->udims() == 1) {
                    s->mem = static_cast<uint32_t*>(v->datap());
                    s->memWords = uint32_t(v->elements(1));
                }
            }
        } else if (endsWith(sc->name(), ".u_core")) {
            if (VerilatedVar* v = sc->varFind("regs")) {
                if (v->vltype() == VLVT_UINT32 && v->udims() == 1 && v->elements(1) == 32)
                    s->regs = static_cast<const uint32_t*>(v->datap());
            }
            if (VerilatedVar* v = sc->varFind("pc")) {
                if (v->vltype() == VLVT_UINT32 && v->udims() == 0) s->pc = static_cast<const uint32_t*>(v->datap());
            }
        } else if (endsWith(sc->name(), ".u_csr")) {
            VerilatedVar* v = sc->varFind("csr_view");
            VerilatedVar* a = sc->varFind("csr_view_addr");
            if (v && a && v->vltype() == VLVT_UINT32 && v->udims() == 1 && a->vltype() == VLVT_UINT16 && a->udims() == 1 &&
                v->elements(1) == a->elements(1)) {
                s->csrView = static_cast<const uint32_t*>(v->datap());
                s->csrViewAddr = static_cast<const uint16_t*>(a->datap());
                s->csrCount = v->elements(1);
            }
        } else if (endsWith(sc->name(), ".s1_mut_pkg")) {
            if (VerilatedVar* v = sc->varFind("mut_sel")) {
                if (v->vltype() == VLVT_UINT32 && v->udims() == 0) s->mutSel = static_cast<int32_t*>(v->datap());
            }
        } else if (endsWith(sc->name(), ".u_tile")) {
            if (VerilatedVar* v = sc->varFind("trf")) {
                if (v->vltype() == VLVT_WDATA && v->udims() == 1 && v->elements(0) == 8 * S1_TILES_ROW_BYTES &&
                    v->elements(1) == S1_TILES_COUNT * S1_TILES_ROWS)
                    s->tiles = static_cast<const uint32_t*>(v->datap());
            }
        }
    }
}

// ------------------------------------------------------------------ ABI functions

s1model_sim* api_create(char* err, int32_t errlen) {
    auto fail = [&](const std::string& m) -> s1model_sim* {
        if (err && errlen > 0) {
            std::snprintf(err, size_t(errlen), "%s", m.c_str());
        }
        return nullptr;
    };
    Sim* s = new (std::nothrow) Sim();
    if (!s) return fail("out of memory");
    Current cur(s);
    std::string message;
    try {
        s->ctx.reset(new VerilatedContext);
        Verilated::threadContextp(s->ctx.get());
        s->ctx->fatalOnError(false);
#if VM_TRACE_FST
        s->ctx->traceEverOn(true);
#endif
        s->top.reset(new Vs1_top(s->ctx.get(), "TOP"));
        s->kept.reserve(kKeptReserve);  // so run() itself never allocates (it may keep an event)
        findBackdoors(s);
        Vs1_top* t = s->top.get();
        t->clk = 0;
        t->rst_n = 0;
        t->reset_pc = S1_DRAM_BASE;
        t->window_lo = S1_DRAM_BASE;
        t->window_hi = uint32_t(S1_DRAM_BASE + uint64_t(S1MODEL_DRAM_BYTES));
        t->stop_on_trap = 0;
        t->eval();
        if (!s->mem) {
            message = "the model has no DRAM backdoor (public u_dram.mem word array)";
        } else if (uint64_t(s->memWords) * 4 != uint64_t(S1MODEL_DRAM_BYTES)) {
            message = "the model's DRAM has " + std::to_string(uint64_t(s->memWords) * 4) +
                      " bytes but the library was built for DRAM_BYTES = " + std::to_string(S1MODEL_DRAM_BYTES);
        } else {
            return reinterpret_cast<s1model_sim*>(s);
        }
    } catch (const SimAbort& a) {
        message = "model crashed while starting: " + a.message;
    } catch (const std::exception& e) {
        message = std::string("C++ exception while starting the model: ") + e.what();
    } catch (...) {
        message = "unknown C++ exception while starting the model";
    }
    try {
        s->top.reset();
        s->ctx.reset();
    } catch (...) {
    }
    forgetContext();
    delete s;
    return fail(message);
}

void api_destroy(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
    if (!s) return;
    Current cur(s);
#if VM_TRACE_FST
    try {
        if (s->tfp) s->tfp->close();
    } catch (...) {
    }
    try {
        s->tfp.reset();
    } catch (...) {
    }
#endif
    try {
        s->top.reset();
    } catch (...) {
    }
    try {
        s->ctx.reset();
    } catch (...) {
    }
    forgetContext();
    delete s;
}

const char* api_error(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return s ? s->error.c_str() : "no simulator";
}

const char* api_output(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return s ? s->output.c_str() : "";
}

void api_set_echo(s1model_sim* h, int32_t fd) {
    Sim* s = reinterpret_cast<Sim*>(h);
    if (s) s->echo = fd;
}

int32_t api_reset(s1model_sim* h, int32_t mode, uint32_t resetPc, uint32_t windowLo, uint32_t windowHi,
                  int32_t stopOnTrap, int32_t cycles) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (mode != S1_MODE_BARE && mode != S1_MODE_COMMAND)
            return bad(s, "reset mode " + std::to_string(mode) + " is neither bare (0) nor command (1)");
        const bool command = mode == S1_MODE_COMMAND;
        Vs1_top* t = s->top.get();
        t->cmd_mode = command ? 1 : 0;
        t->reset_pc = command ? S1_DRAM_BASE : resetPc;
        t->window_lo = command ? S1_DRAM_BASE : windowLo;
        t->window_hi = command ? uint32_t(S1_DRAM_BASE + uint64_t(S1MODEL_DRAM_BYTES)) : windowHi;
        t->stop_on_trap = (!command && stopOnTrap) ? 1 : 0;
        t->mmio_valid = 0;
        t->host_valid = 0;
        t->drain = 0;
        t->rst_n = 0;
        for (int32_t i = 0; i < (cycles < 1 ? 1 : cycles); i++) tick(s);
        t->rst_n = 1;
        s->cycle = 0;
        s->lastProgressCycle = 0;
        s->records = s->retired = s->events = s->produced = 0;
        s->lastOrder = -1;
        s->lastPc = s->lastPcNext = t->reset_pc;
        s->resetPc = t->reset_pc;
        s->stopOnTrap = !command && stopOnTrap != 0;
        s->commandMode = command;
        if (command) s->tohostEnabled = false;
        s->npending = 0;
        s->kept.clear();
        s->keptHead = 0;
        s->tohostValue = 0;
        syncTohost(s);
        s->error.clear();
        return S1_OK;
    });
}

int32_t checkRange(Sim* s, uint32_t offset, uint32_t length) {
    uint64_t bytes = uint64_t(s->memWords) * 4;
    if (uint64_t(offset) + length > bytes) {
        char m[160];
        std::snprintf(m, sizeof m, "DRAM range [0x%08x, 0x%09llx) outside [0x%08x, 0x%09llx)", S1_DRAM_BASE + offset,
                      (unsigned long long)(uint64_t(S1_DRAM_BASE) + offset + length), S1_DRAM_BASE,
                      (unsigned long long)(uint64_t(S1_DRAM_BASE) + bytes));
        return bad(s, m);
    }
    return S1_OK;
}

int32_t api_dram_write(s1model_sim* h, uint32_t offset, const void* data, uint32_t length) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        int32_t r = checkRange(s, offset, length);
        if (r != S1_OK) return r;
        if (length) std::memcpy(reinterpret_cast<uint8_t*>(s->mem) + offset, data, length);
        syncTohost(s);
        return S1_OK;
    });
}

int32_t api_dram_read(s1model_sim* h, uint32_t offset, void* data, uint32_t length) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        int32_t r = checkRange(s, offset, length);
        if (r != S1_OK) return r;
        if (length) std::memcpy(data, reinterpret_cast<const uint8_t*>(s->mem) + offset, length);
        return S1_OK;
    });
}

int32_t api_dram_fill(s1model_sim* h, uint32_t offset, uint32_t length, int32_t byte) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        int32_t r = checkRange(s, offset, length);
        if (r != S1_OK) return r;
        if (length) std::memset(reinterpret_cast<uint8_t*>(s->mem) + offset, byte & 0xFF, length);
        syncTohost(s);
        return S1_OK;
    });
}

int32_t api_read_gpr(s1model_sim* h, int32_t index, uint32_t* value) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (index < 0 || index > 31) return bad(s, "register index " + std::to_string(index) + " is not 0..31");
        if (!s->regs) return bad(s, "the model has no public register file (u_core.regs)");
        *value = index == 0 ? 0 : s->regs[index];
        return S1_OK;
    });
}

int32_t api_read_pc(s1model_sim* h, uint32_t* value) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (!s->pc) return bad(s, "the model has no public pc (u_core.pc)");
        *value = *s->pc;
        return S1_OK;
    });
}

int32_t api_set_tohost(s1model_sim* h, int32_t enabled, uint32_t address) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (enabled) {
            if ((address & 3) != 0 || address < S1_DRAM_BASE ||
                uint64_t(address) + 4 > uint64_t(S1_DRAM_BASE) + uint64_t(s->memWords) * 4) {
                char m[96];
                std::snprintf(m, sizeof m, "tohost 0x%08x must be a word-aligned DRAM address", address);
                return bad(s, m);
            }
        }
        s->tohostEnabled = enabled != 0;
        s->tohostAddr = address;
        s->tohostValue = 0;
        syncTohost(s);
        return S1_OK;
    });
}

void api_set_hang_budget(s1model_sim* h, uint64_t cycles) {
    Sim* s = reinterpret_cast<Sim*>(h);
    if (s) s->hangBudget = cycles;
}

int32_t api_set_buffers(s1model_sim* h, int32_t* records, int32_t* accesses, int32_t* tiles, int32_t capacity) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (records && (!accesses || !tiles || capacity <= 0)) return bad(s, "incomplete commit buffers");
        s->recBuf = records;
        s->accBuf = records ? accesses : nullptr;
        s->tileBuf = records ? tiles : nullptr;
        s->capacity = records ? capacity : 0;
        return S1_OK;
    });
}

// ------------------------------------------------------------------ commit port -> records
// One definition of how the model's ports become CommitLog records, used by run() (straight into
// the caller's buffers) and by the host accesses (into Sim::kept).

// A tile row beat: kept until its record (the next rvfi_valid, that of the same cycle included).
// False (and the error set) when more beats than one record can hold arrive.
inline bool collectBeat(Sim* s, Vs1_top* t) {
    if (s->npending >= S1_CL_MAX_ACCESSES) {
        char m[200];
        std::snprintf(m, sizeof m,
                      "commit port protocol: more than %d tile row accesses before one record "
                      "(cycle %llu, after order %lld)",
                      S1_CL_MAX_ACCESSES, (unsigned long long)s->cycle, (long long)s->lastOrder);
        s->error = m;
        return false;
    }
    int32_t* a = s->pending[s->npending++].ints;
    const uint32_t rmask = t->rvfi_row_rmask, wmask = t->rvfi_row_wmask;
    const uint32_t* data = reinterpret_cast<const uint32_t*>(t->rvfi_row_data.data());
    a[S1_CL_MEM_ADDR] = int32_t(t->rvfi_row_addr);
    a[S1_CL_MEM_RMASK] = int32_t(rmask);
    a[S1_CL_MEM_WMASK] = int32_t(wmask);
    maskedCopy(a + S1_CL_MEM_RDATA, data, S1_CL_ACCESS_DATA_INTS, rmask);
    maskedCopy(a + S1_CL_MEM_WDATA, data, S1_CL_ACCESS_DATA_INTS, wmask);
    return true;
}

// The accesses of the record on the commit port (pending beats + its scalar access), or -1 (error
// set) when that breaks the layout's limit.
inline int recordAccesses(Sim* s, Vs1_top* t) {
    const int accesses = s->npending + ((t->rvfi_mem_rmask | t->rvfi_mem_wmask) != 0 ? 1 : 0);
    if (VL_UNLIKELY(accesses > S1_CL_MAX_ACCESSES)) {
        char m[200];
        std::snprintf(m, sizeof m, "commit port protocol: record order %llu has %d memory accesses (at most %d)",
                      (unsigned long long)t->rvfi_order, accesses, S1_CL_MAX_ACCESSES);
        s->error = m;
        return -1;
    }
    return accesses;
}

// Writes the instruction record on the commit port into r (CommitLog record), its accesses into
// acc (numbered from memFirst) and its tile into tile. Returns whether it wrote a tile.
inline bool writeRecord(Sim* s, Vs1_top* t, int32_t* r, int32_t* acc, int32_t memFirst, int accesses, int32_t* tile) {
    const bool trap = t->rvfi_trap;
    const uint32_t rmask = t->rvfi_mem_rmask, wmask = t->rvfi_mem_wmask;
    const uint64_t order = t->rvfi_order;
    r[S1_CL_ORDER_LO] = int32_t(uint32_t(order));
    r[S1_CL_ORDER_HI] = int32_t(uint32_t(order >> 32));
    r[S1_CL_PC] = int32_t(t->rvfi_pc_rdata);
    r[S1_CL_PC_NEXT] = int32_t(t->rvfi_pc_wdata);
    r[S1_CL_INSN] = int32_t(t->rvfi_insn);
    int32_t flags = 0;
    if (trap) {
        flags |= S1_CL_FLAG_TRAP;
        r[S1_CL_CAUSE] = int32_t(t->rvfi_trap_cause);
        r[S1_CL_TVAL] = int32_t(t->rvfi_trap_tval);
    } else {
        r[S1_CL_CAUSE] = 0;
        r[S1_CL_TVAL] = 0;
    }
    const uint32_t rd = t->rvfi_rd_addr;
    r[S1_CL_RD_ADDR] = int32_t(rd);
    r[S1_CL_RD_WDATA] = rd != 0 ? int32_t(t->rvfi_rd_wdata) : 0;
    const bool csrR = t->rvfi_csr_read, csrW = t->rvfi_csr_write;
    if (csrR) flags |= S1_CL_FLAG_CSR_READ;
    if (csrW) flags |= S1_CL_FLAG_CSR_WRITE;
    r[S1_CL_CSR_ADDR] = (csrR || csrW) ? int32_t(t->rvfi_csr_addr) : 0;
    r[S1_CL_CSR_RDATA] = csrR ? int32_t(t->rvfi_csr_rdata) : 0;
    r[S1_CL_CSR_WDATA] = csrW ? int32_t(t->rvfi_csr_wdata) : 0;
    const bool tileWrite = t->rvfi_tile_valid;
    if (VL_UNLIKELY(tileWrite)) {
        flags |= S1_CL_FLAG_TILE_WRITE;
        r[S1_CL_TILE_INDEX] = int32_t(t->rvfi_tile_index);
        std::memcpy(tile, t->rvfi_tile_data.data(), S1_TILES_TILE_BYTES);
    } else {
        r[S1_CL_TILE_INDEX] = 0;
    }
    r[S1_CL_FLAGS] = flags;
    r[S1_CL_MEM_FIRST] = memFirst;
    r[S1_CL_MEM_COUNT] = accesses;
    int32_t* a = acc;
    for (int k = 0; k < s->npending; k++) {
        std::memcpy(a, s->pending[k].ints, sizeof(Row));
        a += S1_CL_ACCESS_INTS;
    }
    if ((rmask | wmask) != 0) {
        const uint32_t rdata = t->rvfi_mem_rdata, wdata = t->rvfi_mem_wdata;
        a[S1_CL_MEM_ADDR] = int32_t(t->rvfi_mem_addr);
        a[S1_CL_MEM_RMASK] = int32_t(rmask);
        a[S1_CL_MEM_WMASK] = int32_t(wmask);
        maskedCopy(a + S1_CL_MEM_RDATA, &rdata, 1, rmask);
        maskedCopy(a + S1_CL_MEM_WDATA, &wdata, 1, wmask);
    }
    return tileWrite;
}

// Spec §3: the run ends after the first store (any width, or a tile row) that writes a byte of the
// tohost word and leaves it non-zero; the verdict is the word as this record's stores leave it.
// Merges the lanes of the record on the commit port (and its pending row beats) into
// Sim::tohostCommitted; returns whether the record writes a byte of the word.
inline bool mergeTohost(Sim* s, Vs1_top* t, uint32_t tohostWord) {
    bool touches = false;
    const uint32_t wmask = t->rvfi_mem_wmask;
    if (wmask != 0 && (t->rvfi_mem_addr & ~3u) == tohostWord) {
        const uint32_t lanes = kLanes[wmask & 0xF];
        s->tohostCommitted = (s->tohostCommitted & ~lanes) | (t->rvfi_mem_wdata & lanes);
        touches = true;
    }
    for (int k = 0; k < s->npending; k++) {
        const int32_t* p = s->pending[k].ints;
        const uint32_t off = tohostWord - uint32_t(p[S1_CL_MEM_ADDR]);  // rows are word-aligned
        if (off >= S1_CL_ACCESS_DATA_INTS * 4) continue;
        const uint32_t lanes = kLanes[(uint32_t(p[S1_CL_MEM_WMASK]) >> off) & 0xF];
        if (lanes == 0) continue;
        s->tohostCommitted = (s->tohostCommitted & ~lanes) | (uint32_t(p[S1_CL_MEM_WDATA + off / 4]) & lanes);
        touches = true;
    }
    return touches;
}

// Writes the device event on the event port into r (FLAG_EVENT, the EV_* fields).
inline void writeEvent(Sim* s, Vs1_top* t, int32_t* r, int32_t memFirst) {
    std::memset(r, 0, sizeof(int32_t) * S1_CL_RECORD_INTS);
    r[S1_CL_ORDER_LO] = int32_t(uint32_t(s->produced));
    r[S1_CL_ORDER_HI] = int32_t(uint32_t(s->produced >> 32));
    r[S1_CL_FLAGS] = S1_CL_FLAG_EVENT;
    r[S1_CL_EV_KIND] = int32_t(t->ev_kind);
    r[S1_CL_EV_INDEX] = int32_t(t->ev_index);
    r[S1_CL_EV_ADDR] = int32_t(t->ev_addr);
    r[S1_CL_EV_ARG] = int32_t(t->ev_arg);
    r[S1_CL_EV_W0] = int32_t(t->ev_w0);
    r[S1_CL_EV_W1] = int32_t(t->ev_w1);
    r[S1_CL_EV_W2] = int32_t(t->ev_w2);
    r[S1_CL_EV_W3] = int32_t(t->ev_w3);
    r[S1_CL_MEM_FIRST] = memFirst;
}

inline bool isCompletion(const int32_t* r) {
    return (r[S1_CL_FLAGS] & S1_CL_FLAG_EVENT) != 0 && r[S1_CL_EV_KIND] == S1_EV_COMPLETION;
}

// After a tick of a host access: what the chip produced goes to Sim::kept. False (error set) on a
// commit port protocol error.
bool keepProduced(Sim* s, Vs1_top* t) {
    if (VL_UNLIKELY(t->rvfi_row_valid) && !collectBeat(s, t)) return false;
    if (t->rvfi_valid) {
        const int accesses = recordAccesses(s, t);
        if (accesses < 0) return false;
        s->kept.emplace_back();
        Kept& k = s->kept.back();
        if (!writeRecord(s, t, k.rec, k.acc, 0, accesses, k.tile)) std::memset(k.tile, 0, sizeof k.tile);
        k.touchesTohost = s->tohostEnabled && mergeTohost(s, t, s->tohostAddr & ~3u);
        k.tohost = s->tohostCommitted;
        s->npending = 0;
        s->produced++;
        s->lastProgressCycle = s->cycle;
    }
    if (t->ev_valid) {
        s->kept.emplace_back();
        Kept& k = s->kept.back();
        writeEvent(s, t, k.rec, 0);
        k.touchesTohost = false;
        k.tohost = 0;
    }
    if (t->ev_valid || t->dev_xfer) s->lastProgressCycle = s->cycle;
    return true;
}

// The simulation loop: no call out of this function per cycle except eval (and the trace dump).
// Draining (api_drain): the model's `drain` input is held, tohost and trap stops are off, and the
// loop ends as soon as the model reports `drained` after a cycle (at least one cycle is simulated:
// the model samples its CSR view at the clock edges of a drain).
int32_t runLoop(Sim* s, uint64_t maxCycles, uint64_t maxRecords, int64_t* res, bool draining) {
    Vs1_top* const t = s->top.get();
    const bool recording = s->recBuf != nullptr;
    if (recording && maxRecords > uint64_t(s->capacity)) maxRecords = uint64_t(s->capacity);
    int32_t* const recBuf = s->recBuf;
    int32_t* const accBuf = s->accBuf;
    int32_t* const tileBuf = s->tileBuf;
    const uint32_t tohostWord = s->tohostAddr & ~3u;
    const bool tohostOn = s->tohostEnabled && !draining;
    const bool stopOnTrap = s->stopOnTrap && !draining;
    const uint64_t hangBudget = s->hangBudget;
    const bool commandMode = s->commandMode;

    uint64_t n = 0, nacc = 0, ntile = 0, retired = 0, nevents = 0, cycles = 0;
    int64_t firstTile = -1;
    int32_t status = S1_CYCLE_LIMIT;
    uint32_t tohostValue = 0;

    // Fills the result block; also on a crash (rethrown below), so the records before it count.
    auto finish = [&](int32_t st) {
        s->records += n;
        s->retired += retired;
        s->events += nevents;
        if (!res) return;
        res[S1R_STATUS] = st;
        res[S1R_CYCLES] = int64_t(cycles);
        res[S1R_RECORDS] = int64_t(n);
        res[S1R_ACCESSES] = int64_t(nacc);
        res[S1R_TILE_RECORDS] = int64_t(ntile);
        res[S1R_RETIRED] = int64_t(retired);
        res[S1R_TOHOST] = int64_t(tohostValue);
        res[S1R_TOTAL_CYCLES] = int64_t(s->cycle);
        res[S1R_TOTAL_RECORDS] = int64_t(s->records);
        res[S1R_TOTAL_RETIRED] = int64_t(s->retired);
        res[S1R_LAST_ORDER] = s->lastOrder;
        res[S1R_LAST_PC] = int64_t(s->lastPc);
        res[S1R_LAST_PC_NEXT] = int64_t(s->lastPcNext);
        res[S1R_IDLE_CYCLES] = int64_t(s->cycle - s->lastProgressCycle);
        res[S1R_CORE_PC] = s->pc ? int64_t(*s->pc) : -1;
        res[S1R_FIRST_TILE] = firstTile;
        res[S1R_EVENTS] = int64_t(nevents);
        res[S1R_TOTAL_EVENTS] = int64_t(s->events);
    };

    // An instruction record is now in the output (written or counted): bookkeeping and stops.
    // Returns the stop status, or -1 to go on.
    // touches: the record wrote a byte of tohost, leaving the word `word`.
    auto delivered = [&](uint64_t order, uint32_t pc, uint32_t pcNext, bool trap, bool touches, uint32_t word) -> int32_t {
        n++;
        if (!trap) retired++;
        s->lastOrder = int64_t(order);
        s->lastPc = pc;
        s->lastPcNext = pcNext;
        if (VL_UNLIKELY(touches)) {
            const uint32_t v = word;
            if (v != 0) {
                tohostValue = v;
                s->tohostValue = v;
                return S1_HALTED;
            }
        }
        if (VL_UNLIKELY(trap && stopOnTrap)) return S1_TRAPPED;
        return -1;
    };

    if (maxRecords == 0) {
        status = S1_RECORD_LIMIT;
    } else try {
        // 1. Records kept from host accesses come first.
        int32_t stop = -1;
        while (stop < 0 && s->keptHead < s->kept.size() && n < maxRecords) {
            const Kept& k = s->kept[s->keptHead++];
            const bool event = (k.rec[S1_CL_FLAGS] & S1_CL_FLAG_EVENT) != 0;
            const int accesses = k.rec[S1_CL_MEM_COUNT];
            const bool tile = (k.rec[S1_CL_FLAGS] & S1_CL_FLAG_TILE_WRITE) != 0;
            if (recording) {
                int32_t* r = recBuf + n * S1_CL_RECORD_INTS;
                std::memcpy(r, k.rec, sizeof k.rec);
                r[S1_CL_MEM_FIRST] = int32_t(nacc);
                std::memcpy(accBuf + nacc * S1_CL_ACCESS_INTS, k.acc, sizeof(int32_t) * S1_CL_ACCESS_INTS * accesses);
                if (tile) {
                    std::memcpy(tileBuf + n * S1_CL_TILE_INTS, k.tile, sizeof k.tile);
                    if (firstTile < 0) firstTile = int64_t(n);
                }
                nacc += uint64_t(accesses);
            }
            if (tile) ntile++;
            if (event) {
                n++;
                nevents++;
                if (isCompletion(k.rec) && !draining) stop = S1_COMPLETED;
            } else {
                stop = delivered((uint64_t(uint32_t(k.rec[S1_CL_ORDER_HI])) << 32) | uint32_t(k.rec[S1_CL_ORDER_LO]),
                                 uint32_t(k.rec[S1_CL_PC]), uint32_t(k.rec[S1_CL_PC_NEXT]),
                                 (k.rec[S1_CL_FLAGS] & S1_CL_FLAG_TRAP) != 0, tohostOn && k.touchesTohost, k.tohost);
            }
        }
        if (s->keptHead == s->kept.size()) {
            s->kept.clear();  // keeps its capacity
            s->keptHead = 0;
        }
        if (stop >= 0) {
            status = stop;
        } else if (n >= maxRecords) {
            status = S1_RECORD_LIMIT;
        } else {
            // 2. Simulate.
            t->drain = draining ? 1 : 0;
            while (cycles < maxCycles) {
                if (VL_UNLIKELY(commandMode) && !draining && t->dev_idle) {
                    status = S1_IDLE;
                    break;
                }
                // (in bare mode the device never consumes the ring: no events, no transfers)
                tick(s);
                cycles++;
                if (VL_UNLIKELY(t->rvfi_row_valid) && !collectBeat(s, t)) {
                    status = S1_PROTOCOL;
                    break;
                }
                if (VL_UNLIKELY(draining) && t->drained) {
                    // Nothing in flight (so no record in this cycle: rvfi_valid is WB's valid bit).
                    // A device event of this cycle is kept for the next run().
                    if (commandMode && t->ev_valid) {
                        s->kept.emplace_back();
                        Kept& k = s->kept.back();
                        writeEvent(s, t, k.rec, 0);
                        k.touchesTohost = false;
                        k.tohost = 0;
                    }
                    status = S1_DRAINED;
                    break;
                }
                const bool device = VL_UNLIKELY(commandMode) && (t->ev_valid | t->dev_xfer);
                if (t->rvfi_valid) {
                    // ---- one instruction record
                    const int accesses = recordAccesses(s, t);
                    if (accesses < 0) {
                        status = S1_PROTOCOL;
                        break;
                    }
                    if (recording) {
                        if (writeRecord(s, t, recBuf + n * S1_CL_RECORD_INTS, accBuf + nacc * S1_CL_ACCESS_INTS,
                                        int32_t(nacc), accesses, tileBuf + n * S1_CL_TILE_INTS)) {
                            if (firstTile < 0) firstTile = int64_t(n);
                            ntile++;
                        }
                        nacc += uint64_t(accesses);
                    } else if (VL_UNLIKELY(t->rvfi_tile_valid)) {
                        ntile++;
                    }
                    const bool touches = tohostOn && mergeTohost(s, t, tohostWord);
                    s->npending = 0;
                    s->produced++;
                    s->lastProgressCycle = s->cycle;
                    stop = delivered(t->rvfi_order, t->rvfi_pc_rdata, t->rvfi_pc_wdata, t->rvfi_trap, touches,
                                     s->tohostCommitted);
                    if (stop < 0 && n >= maxRecords) stop = S1_RECORD_LIMIT;
                } else if (!device) {
                    if (VL_UNLIKELY(hangBudget != 0 && s->cycle - s->lastProgressCycle > hangBudget)) {
                        status = S1_HANG;
                        break;
                    }
                    continue;
                }
                if (VL_UNLIKELY(device)) {
                    // ---- a device event (never with an instruction record by design; if it were,
                    // it comes after it) or a device transfer: progress either way
                    s->lastProgressCycle = s->cycle;
                    if (t->ev_valid) {
                        if (stop < 0 && n < maxRecords) {
                            int32_t* r = recording ? recBuf + n * S1_CL_RECORD_INTS : nullptr;
                            int32_t scratch[S1_CL_RECORD_INTS];
                            writeEvent(s, t, r ? r : scratch, int32_t(nacc));
                            n++;
                            nevents++;
                            if (isCompletion(r ? r : scratch) && !draining) stop = S1_COMPLETED;
                            else if (n >= maxRecords) stop = S1_RECORD_LIMIT;
                        } else {
                            // no room after a stop: the next run() delivers it
                            s->kept.emplace_back();
                            Kept& k = s->kept.back();
                            writeEvent(s, t, k.rec, 0);
                            k.touchesTohost = false;
                            k.tohost = 0;
                        }
                    }
                }
                if (stop >= 0) {
                    status = stop;
                    break;
                }
            }
        }
    } catch (...) {
        t->drain = 0;
        finish(S1_CRASH);
        throw;
    }
    t->drain = 0;
    if (draining && status == S1_CYCLE_LIMIT) {
        status = S1_HANG;
        char m[160];
        std::snprintf(m, sizeof m, "the pipeline did not drain in %llu cycles", (unsigned long long)maxCycles);
        s->error = m;
    }
    finish(status);
    if (status == S1_HANG && !draining) {
        char m[240];
        std::snprintf(m, sizeof m, "no instruction retired in %llu cycles after %s", (unsigned long long)hangBudget,
                      s->lastOrder < 0 ? "reset" : ("order " + std::to_string(s->lastOrder)).c_str());
        s->error = m;
    }
    return status;
}

// ------------------------------------------------------------------ host side of the device

// Clocks the model until `done` says the port acknowledged; what the chip produces meanwhile is
// kept for the next run(). S1_PROTOCOL when the acknowledgement does not come.
template <class Done>
int32_t clockUntil(Sim* s, Done&& done, const char* what, uint32_t where) {
    Vs1_top* t = s->top.get();
    for (uint64_t i = 0; i < kAccessCycles; i++) {
        tick(s);
        if (!keepProduced(s, t)) return S1_PROTOCOL;
        if (done()) {
            // the host drove these cycles: they do not count towards a hang of the chip
            s->lastProgressCycle = s->cycle;
            return S1_OK;
        }
    }
    char m[160];
    std::snprintf(m, sizeof m, "%s 0x%08x: no acknowledgement in %llu cycles", what, where,
                  (unsigned long long)kAccessCycles);
    s->error = m;
    return S1_PROTOCOL;
}

int32_t checkMmio(Sim* s, uint32_t offset) {
    if (offset >= S1_DEV_MMIO_BYTES || (offset & 3) != 0) {
        char m[120];
        std::snprintf(m, sizeof m, "MMIO offset 0x%x is not a word offset in the %u-byte register window", offset,
                      unsigned(S1_DEV_MMIO_BYTES));
        return bad(s, m);
    }
    return S1_OK;
}

int32_t mmioAccess(Sim* s, uint32_t offset, bool write, uint32_t value, uint32_t* out) {
    int32_t r = checkMmio(s, offset);
    if (r != S1_OK) return r;
    Vs1_top* t = s->top.get();
    t->mmio_valid = 1;
    t->mmio_write = write ? 1 : 0;
    t->mmio_addr = uint8_t(offset);
    t->mmio_wdata = value;
    r = clockUntil(s, [&] { return bool(t->mmio_ack); }, write ? "MMIO write at offset" : "MMIO read at offset", offset);
    t->mmio_valid = 0;
    if (r == S1_OK && out) *out = t->mmio_rdata;
    return r;
}

// One DRAM word through the host memory port (wmask 0: read into *out).
int32_t hostWord(Sim* s, uint32_t offset, uint32_t wmask, uint32_t value, uint32_t* out) {
    Vs1_top* t = s->top.get();
    t->host_valid = 1;
    t->host_wmask = uint8_t(wmask);
    t->host_addr = S1_DRAM_BASE + offset;
    t->host_wdata = value;
    int32_t r = clockUntil(s, [&] { return bool(t->host_ack); }, "host memory access at", S1_DRAM_BASE + offset);
    t->host_valid = 0;
    if (r == S1_OK && out) *out = t->host_rdata;
    if (r == S1_OK && wmask != 0 && s->tohostEnabled && S1_DRAM_BASE + offset == (s->tohostAddr & ~3u)) {
        const uint32_t lanes = kLanes[wmask & 0xF];   // the host wrote the tohost word
        s->tohostCommitted = (s->tohostCommitted & ~lanes) | (value & lanes);
    }
    return r;
}

int32_t api_mmio_read(s1model_sim* h, uint32_t offset, uint32_t* value) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t { return mmioAccess(s, offset, false, 0, value); });
}

int32_t api_mmio_write(s1model_sim* h, uint32_t offset, uint32_t value) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t { return mmioAccess(s, offset, true, value, nullptr); });
}

int32_t api_host_write(s1model_sim* h, uint32_t offset, const void* data, uint32_t length) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        int32_t r = checkRange(s, offset, length);
        if (r != S1_OK) return r;
        const uint8_t* b = static_cast<const uint8_t*>(data);
        for (uint32_t i = 0; i < length;) {
            const uint32_t word = (offset + i) & ~3u, lane = (offset + i) & 3u;
            const uint32_t take = std::min<uint32_t>(4 - lane, length - i);
            uint32_t value = 0, mask = 0;
            for (uint32_t k = 0; k < take; k++) {
                value |= uint32_t(b[i + k]) << (8 * (lane + k));
                mask |= 1u << (lane + k);
            }
            r = hostWord(s, word, mask, value, nullptr);
            if (r != S1_OK) return r;
            i += take;
        }
        return S1_OK;
    });
}

int32_t api_host_read(s1model_sim* h, uint32_t offset, void* data, uint32_t length) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        int32_t r = checkRange(s, offset, length);
        if (r != S1_OK) return r;
        uint8_t* b = static_cast<uint8_t*>(data);
        for (uint32_t i = 0; i < length;) {
            const uint32_t word = (offset + i) & ~3u, lane = (offset + i) & 3u;
            const uint32_t take = std::min<uint32_t>(4 - lane, length - i);
            uint32_t value = 0;
            r = hostWord(s, word, 0, 0, &value);
            if (r != S1_OK) return r;
            for (uint32_t k = 0; k < take; k++) b[i + k] = uint8_t(value >> (8 * (lane + k)));
            i += take;
        }
        return S1_OK;
    });
}

int32_t api_irq(s1model_sim* h, int32_t* level) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        *level = s->top->irq ? 1 : 0;
        return S1_OK;
    });
}

int32_t api_run(s1model_sim* h, uint64_t maxCycles, uint64_t maxRecords, int64_t* result) {
    Sim* s = reinterpret_cast<Sim*>(h);
    if (result) {
        for (int i = 0; i < S1R_COUNT; i++) result[i] = 0;
    }
    int32_t r = guarded(s, [&]() -> int32_t { return runLoop(s, maxCycles, maxRecords, result, false); });
    if (result) {
        result[S1R_STATUS] = r;  // CRASH: the counts of the records before the crash are kept
        if (r == S1_DEAD || r == S1_BAD_ARGUMENT) {
            result[S1R_LAST_ORDER] = -1;
            result[S1R_CORE_PC] = -1;
            result[S1R_FIRST_TILE] = -1;
        }
    }
    return r;
}

int32_t api_drain(s1model_sim* h, uint64_t maxCycles, int64_t* result) {
    Sim* s = reinterpret_cast<Sim*>(h);
    if (result) {
        for (int i = 0; i < S1R_COUNT; i++) result[i] = 0;
    }
    int32_t r = guarded(s, [&]() -> int32_t {
        uint64_t maxRecords = s->recBuf ? uint64_t(s->capacity) : UINT64_MAX;
        return runLoop(s, maxCycles, maxRecords, result, true);
    });
    if (result) result[S1R_STATUS] = r;
    return r;
}

int32_t api_read_csr(s1model_sim* h, uint32_t address, uint32_t* value) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (!s->csrView) return bad(s, "the model has no public CSR view (u_csr.csr_view, csr_view_addr)");
        for (int i = 0; i < s->csrCount; i++) {
            if (s->csrViewAddr[i] == address) {
                *value = s->csrView[i];
                return S1_OK;
            }
        }
        char m[96];
        std::snprintf(m, sizeof m, "the model has no CSR 0x%03x", address);
        return bad(s, m);
    });
}

int32_t api_read_tile(s1model_sim* h, int32_t index, void* data) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (index < 0 || index >= S1_TILES_COUNT) return bad(s, "tile index " + std::to_string(index) + " is not 0..7");
        if (!s->tiles) return bad(s, "the model has no public tile registers (u_tile.trf)");
        // Row r of tile t is element 8t + r, its 256 bits as 8 little-endian words (byte b at 8b+7:8b).
        std::memcpy(data, s->tiles + size_t(index) * S1_TILES_TILE_BYTES / 4, S1_TILES_TILE_BYTES);
        return S1_OK;
    });
}

int32_t api_dram_digest(s1model_sim* h, uint64_t* digest) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        *digest = s1_dram_digest(s->mem, s->memWords);
        return S1_OK;
    });
}

int32_t api_select_mutant(s1model_sim* h, int32_t id) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return guarded(s, [&]() -> int32_t {
        if (!s->mutSel) return S1_UNSUPPORTED;
        if (id < 0) return bad(s, "mutant id " + std::to_string(id) + " is negative");
        *s->mutSel = id;
        s->top->eval();
        return S1_OK;
    });
}

int32_t api_trace_open(s1model_sim* h, const char* path) {
    Sim* s = reinterpret_cast<Sim*>(h);
#if VM_TRACE_FST
    return guarded(s, [&]() -> int32_t {
        if (!path || !path[0]) return bad(s, "no trace file name");
        if (s->tfp) {
            s->tfp->close();
            s->tfp.reset();
        }
        std::unique_ptr<VerilatedFstC> tfp(new VerilatedFstC);
        s->top->trace(tfp.get(), 99);
        tfp->open(path);
        if (!tfp->isOpen()) return bad(s, std::string("cannot open trace file ") + path);
        s->tfp = std::move(tfp);
        return S1_OK;
    });
#else
    (void)path;
    if (!s) return S1_BAD_ARGUMENT;
    s->error = "this model library was built without tracing";
    return S1_UNSUPPORTED;
#endif
}

int32_t api_trace_flush(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
#if VM_TRACE_FST
    return guarded(s, [&]() -> int32_t {
        if (s->tfp) s->tfp->flush();
        return S1_OK;
    });
#else
    return s ? S1_OK : S1_BAD_ARGUMENT;
#endif
}

int32_t api_trace_close(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
#if VM_TRACE_FST
    if (!s) return S1_BAD_ARGUMENT;
    // Allowed on a dead simulator: the trace up to the crash is what one wants to look at.
    Current cur(s);
    try {
        if (s->tfp) s->tfp->close();
        s->tfp.reset();
    } catch (...) {
        s->tfp.release();  // leak rather than run a half-broken destructor twice
        return S1_CRASH;
    }
    return s->dead ? S1_DEAD : S1_OK;
#else
    return s ? S1_OK : S1_BAD_ARGUMENT;
#endif
}

uint64_t api_cycles(s1model_sim* h) {
    Sim* s = reinterpret_cast<Sim*>(h);
    return s ? s->cycle : 0;
}

const s1model_api kApi = {
    S1MODEL_ABI_VERSION,
    sizeof(s1model_api),
    S1MODEL_INFO,
    uint32_t(S1MODEL_DRAM_BYTES),
#if VM_TRACE_FST
    1,
#else
    0,
#endif
    api_create,
    api_destroy,
    api_error,
    api_output,
    api_set_echo,
    api_reset,
    api_dram_write,
    api_dram_read,
    api_dram_fill,
    api_read_gpr,
    api_read_pc,
    api_set_tohost,
    api_set_hang_budget,
    api_set_buffers,
    api_run,
    api_mmio_read,
    api_mmio_write,
    api_host_write,
    api_host_read,
    api_irq,
    api_trace_open,
    api_trace_flush,
    api_trace_close,
    api_cycles,
    api_drain,
    api_read_csr,
    api_read_tile,
    api_dram_digest,
    api_select_mutant,
};

}  // namespace

// ------------------------------------------------------------------ Verilator hooks

// The mutant select for functions of packages in mutant models (MutationEngine): Verilator refuses
// a package variable in a function it does not inline, so those read the select through this
// DPI import of s1_mut_pkg. The simulator being evaluated is the thread's current one.
extern "C" int s1_mut_sel() {
    Sim* s = t_current;
    return s && s->mutSel ? *s->mutSel : 0;
}

void s1model_printf(const char* format, ...) {
    char small[512];
    va_list ap;
    va_start(ap, format);
    int n = std::vsnprintf(small, sizeof small, format, ap);
    va_end(ap);
    std::string text;
    if (n < 0) return;
    if (size_t(n) < sizeof small) {
        text.assign(small, size_t(n));
    } else {
        text.resize(size_t(n) + 1);
        va_start(ap, format);
        std::vsnprintf(&text[0], text.size(), format, ap);
        va_end(ap);
        text.resize(size_t(n));
    }
    Sim* s = t_current;
    int echo = s ? s->echo : 2;
    if (s) {
        s->output += text;
        if (s->output.size() > 2 * kOutputKeep) {
            size_t drop = s->output.size() - kOutputKeep;
            s->output.erase(0, drop);
            s->callOutputStart = s->callOutputStart > drop ? s->callOutputStart - drop : 0;
        }
    }
    if (echo == 1 || echo == 2) {
        FILE* f = echo == 1 ? stdout : stderr;
        std::fputs(text.c_str(), f);
        std::fflush(f);
    }
}

void vl_finish(const char* filename, int linenum, const char* hier) {
    (void)hier;
    abortSim("Verilog $finish", filename, linenum, nullptr);
}

void vl_stop(const char* filename, int linenum, const char* hier) {
    (void)hier;
    // $stop, and $fatal / $error / a failed assertion after printing their message.
    abortSim(lastLine(t_current).empty() ? "Verilog $stop" : "simulation stopped ($fatal, $error or a failed assertion)",
             filename, linenum, nullptr);
}

void vl_fatal(const char* filename, int linenum, const char* hier, const char* msg) {
    (void)hier;
    abortSim("Verilator fatal error", filename, linenum, msg);
}

S1_EXPORT const s1model_api* s1model_get_api(void) { return &kApi; }
