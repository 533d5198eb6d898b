package dev.seedverify.rtl;

import java.nio.file.Path;

/** Building a model library failed (Verilator or the C++ compiler rejected the RTL, or a tool is missing). */
public class RtlBuildException extends RuntimeException {
    private final Path log;

    public RtlBuildException(String message, Path log) {
        super(message);
        this.log = log;
    }

    public RtlBuildException(String message, Path log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    /** The full build log (verilator and compiler output). */
    public Path log() { return log; }
}
