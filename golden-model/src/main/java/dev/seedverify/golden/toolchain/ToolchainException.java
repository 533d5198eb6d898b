package dev.seedverify.golden.toolchain;

/** The RISC-V cross toolchain is missing, failed, or timed out; the message says which and why. */
public class ToolchainException extends RuntimeException {
    public ToolchainException(String message) { super(message); }

    public ToolchainException(String message, Throwable cause) { super(message, cause); }
}
