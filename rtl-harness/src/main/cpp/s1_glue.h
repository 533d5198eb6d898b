// The JNI side of the RTL harness (bound by JavaCPP as dev.seedverify.rtl.jni.S1Glue): it only
// dlopens model libraries and calls through their C ABI (s1model.h), so this one small JNI library
// serves every model library -- the real RTL, mutants and test tops -- in the same JVM.
//
// Handles are pointers passed to Java as jlong. Java (RtlModel / RtlSimulator) guarantees that a
// simulator handle is used on the thread that created it and never after destroy().
#ifndef S1_GLUE_H
#define S1_GLUE_H

#include "s1model.h"

#include <dlfcn.h>
#include <jni.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace s1glue {

struct Library {
    void* handle;
    const s1model_api* api;
};

struct Sim {
    const s1model_api* api;
    s1model_sim* sim;
};

inline std::string& lastError() {
    static thread_local std::string error;
    return error;
}

/** The message of the last failed openLibrary() / create() on this thread. */
inline const char* error() { return lastError().c_str(); }

/** dlopen(RTLD_NOW | RTLD_LOCAL) + ABI check; 0 on failure (see error()). Never dlclosed. */
inline jlong openLibrary(const char* path) {
    dlerror();
    void* h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char* e = dlerror();
        lastError() = std::string("cannot load model library ") + path + ": " + (e ? e : "dlopen failed");
        return 0;
    }
    auto get = reinterpret_cast<s1model_get_api_fn>(dlsym(h, S1MODEL_ENTRY));
    if (!get) {
        lastError() = std::string(path) + " is not an S1 model library (no " S1MODEL_ENTRY ")";
        return 0;
    }
    const s1model_api* api = get();
    if (!api || api->abi_version != S1MODEL_ABI_VERSION || api->struct_size < sizeof(s1model_api)) {
        lastError() = std::string(path) + ": model ABI version " + (api ? std::to_string(api->abi_version) : "?") +
                      ", this harness needs " + std::to_string(S1MODEL_ABI_VERSION) + ": rebuild the model";
        return 0;
    }
    return reinterpret_cast<jlong>(new Library{h, api});
}

inline const s1model_api* api(jlong lib) { return reinterpret_cast<Library*>(lib)->api; }
inline const char* libraryInfo(jlong lib) { return api(lib)->info; }
inline jint libraryDramBytes(jlong lib) { return jint(api(lib)->dram_bytes); }
inline jint libraryTrace(jlong lib) { return api(lib)->trace; }

inline Sim* S(jlong sim) { return reinterpret_cast<Sim*>(sim); }

/** A new simulator of the library; 0 on failure (see error()). */
inline jlong create(jlong lib) {
    char err[1024];
    err[0] = 0;
    const s1model_api* a = api(lib);
    s1model_sim* s = a->create(err, sizeof err);
    if (!s) {
        lastError() = err[0] ? err : "model creation failed";
        return 0;
    }
    return reinterpret_cast<jlong>(new Sim{a, s});
}

inline void destroy(jlong sim) {
    Sim* s = S(sim);
    s->api->destroy(s->sim);
    delete s;
}

inline const char* simError(jlong sim) { return S(sim)->api->error(S(sim)->sim); }
inline const char* simOutput(jlong sim) { return S(sim)->api->output(S(sim)->sim); }
inline void setEcho(jlong sim, jint fd) { S(sim)->api->set_echo(S(sim)->sim, fd); }

inline jint reset(jlong sim, jint mode, jint resetPc, jint windowLo, jint windowHi, jint stopOnTrap, jint cycles) {
    return S(sim)->api->reset(S(sim)->sim, mode, uint32_t(resetPc), uint32_t(windowLo), uint32_t(windowHi), stopOnTrap,
                              cycles);
}

/** The register value (unsigned) or a negative status. */
inline jlong mmioRead(jlong sim, jint offset) {
    uint32_t v = 0;
    jint r = S(sim)->api->mmio_read(S(sim)->sim, uint32_t(offset), &v);
    return r == S1_OK ? jlong(v) : -jlong(r);
}

inline jint mmioWrite(jlong sim, jint offset, jint value) {
    return S(sim)->api->mmio_write(S(sim)->sim, uint32_t(offset), uint32_t(value));
}

inline jint hostWrite(jlong sim, jint offset, const signed char* data, jint dataOffset, jint length) {
    return S(sim)->api->host_write(S(sim)->sim, uint32_t(offset), data + dataOffset, uint32_t(length));
}

inline jint hostRead(jlong sim, jint offset, signed char* data, jint dataOffset, jint length) {
    return S(sim)->api->host_read(S(sim)->sim, uint32_t(offset), data + dataOffset, uint32_t(length));
}

/** The irq level (0 or 1) or a negative status. */
inline jint irq(jlong sim) {
    int32_t level = 0;
    jint r = S(sim)->api->irq(S(sim)->sim, &level);
    return r == S1_OK ? level : -r;
}

inline jint dramWrite(jlong sim, jint offset, const signed char* data, jint dataOffset, jint length) {
    return S(sim)->api->dram_write(S(sim)->sim, uint32_t(offset), data + dataOffset, uint32_t(length));
}

inline jint dramRead(jlong sim, jint offset, signed char* data, jint dataOffset, jint length) {
    return S(sim)->api->dram_read(S(sim)->sim, uint32_t(offset), data + dataOffset, uint32_t(length));
}

inline jint dramFill(jlong sim, jint offset, jint length, jint value) {
    return S(sim)->api->dram_fill(S(sim)->sim, uint32_t(offset), uint32_t(length), value);
}

/** The register value (unsigned) or a negative status. */
inline jlong readGpr(jlong sim, jint index) {
    uint32_t v = 0;
    jint r = S(sim)->api->read_gpr(S(sim)->sim, index, &v);
    return r == S1_OK ? jlong(v) : -jlong(r);
}

/** The core's pc (unsigned) or a negative status. */
inline jlong readPc(jlong sim) {
    uint32_t v = 0;
    jint r = S(sim)->api->read_pc(S(sim)->sim, &v);
    return r == S1_OK ? jlong(v) : -jlong(r);
}

inline jint setTohost(jlong sim, jint enabled, jint address) {
    return S(sim)->api->set_tohost(S(sim)->sim, enabled, uint32_t(address));
}

inline void setHangBudget(jlong sim, jlong cycles) { S(sim)->api->set_hang_budget(S(sim)->sim, uint64_t(cycles)); }

inline jint setBuffers(jlong sim, int* records, int* accesses, int* tiles, jint capacity) {
    return S(sim)->api->set_buffers(S(sim)->sim, reinterpret_cast<int32_t*>(records),
                                    reinterpret_cast<int32_t*>(accesses), reinterpret_cast<int32_t*>(tiles), capacity);
}

inline jint clearBuffers(jlong sim) { return S(sim)->api->set_buffers(S(sim)->sim, nullptr, nullptr, nullptr, 0); }

/** One native run (see s1model_api::run); result is a direct buffer of S1R_COUNT longs. */
inline jint run(jlong sim, jlong maxCycles, jlong maxRecords, jlong* result) {
    static_assert(sizeof(jlong) == sizeof(int64_t), "jlong is 64-bit");
    return S(sim)->api->run(S(sim)->sim, uint64_t(maxCycles), uint64_t(maxRecords), reinterpret_cast<int64_t*>(result));
}

/** Drains the pipeline (see s1model_api::drain); result as for run(). */
inline jint drain(jlong sim, jlong maxCycles, jlong* result) {
    return S(sim)->api->drain(S(sim)->sim, uint64_t(maxCycles), reinterpret_cast<int64_t*>(result));
}

/** The value of CSR `address` (unsigned) or a negative status. */
inline jlong readCsr(jlong sim, jint address) {
    uint32_t v = 0;
    jint r = S(sim)->api->read_csr(S(sim)->sim, uint32_t(address), &v);
    return r == S1_OK ? jlong(v) : -jlong(r);
}

/** Copies tile `index` (256 bytes) into data[dataOffset..]. */
inline jint readTile(jlong sim, jint index, signed char* data, jint dataOffset) {
    return S(sim)->api->read_tile(S(sim)->sim, index, data + dataOffset);
}

/** The DRAM digest into digest[0]. */
inline jint dramDigest(jlong sim, jlong* digest) {
    uint64_t d = 0;
    jint r = S(sim)->api->dram_digest(S(sim)->sim, &d);
    digest[0] = jlong(d);
    return r;
}

inline jint selectMutant(jlong sim, jint id) { return S(sim)->api->select_mutant(S(sim)->sim, id); }

inline jint traceOpen(jlong sim, const char* path) { return S(sim)->api->trace_open(S(sim)->sim, path); }
inline jint traceFlush(jlong sim) { return S(sim)->api->trace_flush(S(sim)->sim); }
inline jint traceClose(jlong sim) { return S(sim)->api->trace_close(S(sim)->sim); }
inline jlong cycles(jlong sim) { return jlong(S(sim)->api->cycles(S(sim)->sim)); }

}  // namespace s1glue

#endif  // S1_GLUE_H
