package dev.seedverify.kernels.build;

/** The kernel library cannot be built: a compile or link error (with the tool's message), a missing tool, a failed check. */
public class KernelBuildException extends RuntimeException {
    public KernelBuildException(String message) { super(message); }

    public KernelBuildException(String message, Throwable cause) { super(message, cause); }
}
