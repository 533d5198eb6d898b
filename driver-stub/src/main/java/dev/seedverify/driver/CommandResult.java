package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/** A command that completed with status OK: the kernel's result (x10 at ecall) and retired instructions. */
public record CommandResult(Submission submission, Completion completion) {
    /** x10 when the kernel executed ecall; 0 for COPY, FILL and NOP. */
    public int value() { return completion.result(); }

    /** Instructions the kernel retired (0 for COPY, FILL and NOP). */
    public int retired() { return completion.retired(); }
}
