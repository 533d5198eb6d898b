package dev.seedverify.conformance.driver;

import java.util.List;

/**
 * The outcomes ("verb: kind", as {@link ScriptRunner} records them) a driver campaign must see:
 * every action succeeding, every refusal reason the actions can provoke, out-of-memory, every
 * command status the correct driver can meet (OK, TRAP with its causes, WATCHDOG) and a timeout.
 * BAD_COMMAND and BAD_ADDRESS cannot come from the correct driver (it refuses such requests
 * itself); the directed tests and the injected bugs reach them.
 */
public final class DriverCoverage {
    private DriverCoverage() {}

    public static final List<String> REQUIRED = List.of(
            "alloc: ok", "alloc: out of memory", "alloc: invalid ZERO_SIZE", "alloc: invalid BAD_ALIGNMENT",
            "free: ok", "free: invalid DOUBLE_FREE",
            "write: ok", "write: invalid USE_AFTER_FREE", "write: invalid OUT_OF_RANGE", "write: invalid ZERO_SIZE",
            "read: ok", "read: invalid USE_AFTER_FREE",
            "copy: ok", "copy: submitted", "fill: ok", "fill: submitted", "nop: ok", "nop: submitted",
            "load: ok", "launch: ok", "launch: submitted", "launch: trap mcause=3", "launch: trap mcause=5", "launch: watchdog",
            "launch: invalid OUT_OF_RANGE",
            "wait: ok", "wait: timeout", "finish: ok", "foreign: invalid FOREIGN_HANDLE");
}
