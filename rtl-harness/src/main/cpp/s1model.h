/*
 * The C ABI of an S1 model library (libs1model.so): one exported symbol, s1model_get_api(),
 * returning a table of functions. Everything else in the library (the verilated model, the
 * Verilator runtime) has hidden visibility and is bound with -Bsymbolic, so several model
 * libraries (e.g. the real RTL and mutants), each with its own Verilator runtime, live in one
 * process when they are opened with dlopen(RTLD_NOW | RTLD_LOCAL).
 *
 * Used by the model library itself (s1model_abi.cpp), the JNI glue (s1_glue.h) and the native
 * benchmark (bench_main.cpp). Plain C so any host can call it.
 *
 * Threads: a simulator is used only on the thread that created it (Verilator's rule); several
 * simulators, from one or several libraries, may run on different threads at once.
 *
 * Errors: no function exits or aborts the process. $fatal, $stop, $finish, failed assertions,
 * Verilator internal errors and C++ exceptions inside the model end the current call with
 * S1_CRASH; the simulator is then dead (every later call returns S1_DEAD, error() keeps the
 * message) and destroy() still frees it.
 */
#ifndef S1MODEL_H
#define S1MODEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define S1MODEL_ABI_VERSION 4
#define S1MODEL_ENTRY "s1model_get_api"

/* Reset modes (spec §3): bare (ISA tests: the core runs from reset_pc) or command (the device
   consumes the command ring; the core idles until a LAUNCH). */
enum { S1_MODE_BARE = 0, S1_MODE_COMMAND = 1 };

/* Status codes (run() result[S1R_STATUS] and the int returned by the other calls). */
enum {
    S1_OK = 0,
    S1_RECORD_LIMIT = 0, /* run: max_records records produced; the program goes on */
    S1_CYCLE_LIMIT = 1,  /* run: max_cycles cycles simulated */
    S1_HALTED = 2,       /* run: the last record's store left a non-zero word at tohost */
    S1_TRAPPED = 3,      /* run: stop_on_trap is set and the last record trapped */
    S1_HANG = 4,         /* run: no record for more than hang_budget cycles (simulator stays usable) */
    S1_CRASH = 5,        /* $fatal/$stop/$finish/assertion/internal error/C++ exception: now dead */
    S1_PROTOCOL = 6,     /* the RTL broke the commit port contract (e.g. > MAX_ACCESSES rows); usable */
    S1_DEAD = 7,         /* called on a simulator that crashed before */
    S1_BAD_ARGUMENT = 8, /* out-of-range address, missing backdoor, no buffers... (message in error()) */
    S1_UNSUPPORTED = 9,  /* e.g. tracing in a model built without it */
    S1_DRAINED = 10,     /* drain: no instruction is in flight any more */
    S1_COMPLETED = 11,   /* run (command mode): the last record is a command's COMPLETION event */
    S1_IDLE = 12         /* run (command mode): the device is idle: nothing executing, nothing to consume */
};

/* Indices into the int64 result block that run() fills (S1R_COUNT entries). "Records" are the
   entries of the commit buffer: instruction records and (command mode) device event records, in
   the order the chip produced them; the counts are of records delivered to the caller. */
enum {
    S1R_STATUS = 0,
    S1R_CYCLES = 1,        /* cycles simulated by this call */
    S1R_RECORDS = 2,       /* records delivered by this call (written to the buffers when attached) */
    S1R_ACCESSES = 3,      /* memory accesses written by this call */
    S1R_TILE_RECORDS = 4,  /* records of this call with a tile write */
    S1R_RETIRED = 5,       /* instruction records of this call that did not trap */
    S1R_TOHOST = 6,        /* tohost word when HALTED, else 0 */
    S1R_TOTAL_CYCLES = 7,  /* since reset */
    S1R_TOTAL_RECORDS = 8, /* since reset */
    S1R_TOTAL_RETIRED = 9, /* since reset */
    S1R_LAST_ORDER = 10,   /* rvfi_order of the last instruction record since reset, -1 if none */
    S1R_LAST_PC = 11,      /* its pc (unsigned 32-bit), or the reset pc */
    S1R_LAST_PC_NEXT = 12, /* its pc_wdata */
    S1R_IDLE_CYCLES = 13,  /* cycles since the last progress (record, event, device transfer) or reset */
    S1R_CORE_PC = 14,      /* the core's public pc, or -1 when the model has none */
    S1R_FIRST_TILE = 15,   /* index in this call's records of the first tile write, -1 if none */
    S1R_EVENTS = 16,       /* device event records among this call's records */
    S1R_TOTAL_EVENTS = 17, /* since reset */
    S1R_COUNT = 18
};

typedef struct s1model_sim s1model_sim;

typedef struct s1model_api {
    uint32_t abi_version; /* S1MODEL_ABI_VERSION */
    uint32_t struct_size; /* sizeof(s1model_api) */
    const char* info;     /* "top=s1_top verilator=5.006 trace=fst dram_bytes=1048576 ..." */
    uint32_t dram_bytes;  /* DRAM_BYTES the model was built with */
    int32_t trace;        /* 1 when FST tracing is compiled in */

    /* Creates a simulator (own VerilatedContext) and evaluates time 0. NULL on failure, with the
       message in err (always NUL-terminated when errlen > 0). */
    s1model_sim* (*create)(char* err, int32_t errlen);
    /* Closes an open trace file and frees everything. NULL is ignored. */
    void (*destroy)(s1model_sim* sim);
    /* The message of the last failure (crash, hang, bad argument); "" if none. Valid until the next call. */
    const char* (*error)(s1model_sim* sim);
    /* The last output of the model ($display, Verilator messages), up to ~8 KiB. */
    const char* (*output)(s1model_sim* sim);
    /* Where model output is echoed besides being kept: 0 nowhere, 1 stdout, 2 stderr (default). */
    void (*set_echo)(s1model_sim* sim, int32_t fd);

    /* Holds rst_n low for `cycles` clock cycles with these inputs, then releases it. mode is
       S1_MODE_BARE (reset_pc, window and stop_on_trap apply) or S1_MODE_COMMAND (they are ignored;
       tohost is switched off). Clears the record counters, pending row accesses, records not yet
       delivered and the tohost value (not the tohost address in bare mode). DRAM is untouched. */
    int32_t (*reset)(s1model_sim* sim, int32_t mode, uint32_t reset_pc, uint32_t window_lo, uint32_t window_hi,
                     int32_t stop_on_trap, int32_t cycles);

    /* DRAM backdoor, byte offsets from the DRAM base. */
    int32_t (*dram_write)(s1model_sim* sim, uint32_t offset, const void* data, uint32_t length);
    int32_t (*dram_read)(s1model_sim* sim, uint32_t offset, void* data, uint32_t length);
    int32_t (*dram_fill)(s1model_sim* sim, uint32_t offset, uint32_t length, int32_t byte);

    /* Architectural state through the public signals. */
    int32_t (*read_gpr)(s1model_sim* sim, int32_t index, uint32_t* value);
    int32_t (*read_pc)(s1model_sim* sim, uint32_t* value);

    /* tohost: a record whose store (scalar or tile row) writes a byte of the word at `address` ends
       run() with S1_HALTED if it leaves the word non-zero (spec §3). The word is the backdoor's value
       at the last reset or backdoor write, merged with the committed stores' lanes in order (DRAM
       itself may already hold bytes of younger stores). enabled = 0 switches it off. */
    int32_t (*set_tohost)(s1model_sim* sim, int32_t enabled, uint32_t address);
    /* run() returns S1_HANG after more than `cycles` cycles without a record (0: never). */
    void (*set_hang_budget)(s1model_sim* sim, uint64_t cycles);

    /* Where run() writes records (capacity * RECORD_INTS ints), accesses (capacity *
       MAX_ACCESSES * ACCESS_INTS) and tiles (capacity * TILE_INTS), in CommitLog's layout with
       MEM_FIRST relative to the batch. NULL records: run() only counts. The memory stays owned by
       the caller and must outlive its use. */
    int32_t (*set_buffers)(s1model_sim* sim, int32_t* records, int32_t* accesses, int32_t* tiles,
                           int32_t capacity);

    /* Delivers the records kept from host accesses, then simulates until max_cycles cycles,
       max_records records (at most the buffer capacity when recording), a halt, a trap stop,
       a command completion (returned right after its COMPLETION event), an idle device (command
       mode; checked before each cycle, so an idle device returns S1_IDLE at once), a hang, a
       protocol error or a crash. Fills result (S1R_COUNT int64 values) and returns
       result[S1R_STATUS].
       Device events are records with FLAG_EVENT in CommitLog's layout (EV_* fields), ORDER = the
       number of instruction records before them since reset.
       Hang: more than the hang budget of cycles without progress; progress is an instruction
       record, a device event or a DRAM transfer of the command processor or DMA (so a long DMA
       is not a hang; an idle device returns S1_IDLE instead). */
    int32_t (*run)(s1model_sim* sim, uint64_t max_cycles, uint64_t max_records, int64_t* result);

    /* Host side of the device (spec §4.1), through the real ports of the model: each access
       clocks the model until the port acknowledges it (an MMIO access takes 1 cycle, a host memory
       word 2 or more: the core's tile unit has priority on the DRAM's wide port). Records and
       events the chip produces meanwhile are kept and delivered, in order, by the next run().
       No acknowledgement within 100000 cycles: S1_PROTOCOL. MMIO offsets are word offsets below
       the register window's size; host memory offsets are DRAM byte offsets (any range inside
       DRAM: split into byte-masked word accesses). */
    int32_t (*mmio_read)(s1model_sim* sim, uint32_t offset, uint32_t* value);
    int32_t (*mmio_write)(s1model_sim* sim, uint32_t offset, uint32_t value);
    int32_t (*host_write)(s1model_sim* sim, uint32_t offset, const void* data, uint32_t length);
    int32_t (*host_read)(s1model_sim* sim, uint32_t offset, void* data, uint32_t length);
    /* The level of the irq output (0 or 1). */
    int32_t (*irq)(s1model_sim* sim, int32_t* level);

    /* FST waveform of the following cycles into `path` (replacing a trace already open). */
    int32_t (*trace_open)(s1model_sim* sim, const char* path);
    int32_t (*trace_flush)(s1model_sim* sim);
    int32_t (*trace_close)(s1model_sim* sim);

    /* Cycles since reset. */
    uint64_t (*cycles)(s1model_sim* sim);

    /* ---- ABI 2: the architectural state, for the end-of-program comparison ---- */

    /* Ends the program at an instruction boundary: holds the model's `drain` input (no new fetch)
       and simulates until `drained` (nothing in flight) after a cycle (at least one: the model
       samples its CSR view at the clock edges of a drain), at most max_cycles cycles. The records of
       the instructions that complete are written as run() writes them, after any records kept from
       host accesses (tohost, stop_on_trap and completions do not stop it; an idle device does not
       end it). Returns S1_DRAINED, S1_HANG when still busy after max_cycles, or as run().
       Afterwards every instruction that changed the state has produced its record, the register
       file holds their results and the public pc is the next instruction's. */
    int32_t (*drain)(s1model_sim* sim, uint64_t max_cycles, int64_t* result);
    /* The value CSR `address` read at the end of the last drain (the model's csr_view backdoor,
       sampled while draining); S1_BAD_ARGUMENT for a number the model does not have. */
    int32_t (*read_csr)(s1model_sim* sim, uint32_t address, uint32_t* value);
    /* The 256 bytes of tile `index` (0..7; row r at bytes 32r..32r+31) from the tile backdoor. */
    int32_t (*read_tile)(s1model_sim* sim, int32_t index, void* data);
    /* The digest of all of DRAM (s1_digest.h; the golden model's DramDigest computes the same). */
    int32_t (*dram_digest)(s1model_sim* sim, uint64_t* digest);

    /* ---- ABI 4: mutant models of the mutation engine ---- */

    /* Selects mutant `id` of a mutant model (0: none, the original design) by writing the public
       variable s1_mut_pkg::mut_sel that the mutation engine adds; takes effect at once, so call it
       before reset(). S1_UNSUPPORTED for a model without that variable (the real RTL). */
    int32_t (*select_mutant)(s1model_sim* sim, int32_t id);
} s1model_api;

typedef const s1model_api* (*s1model_get_api_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* S1MODEL_H */
