package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.isa.TrapCause;

/**
 * A kernel ended at a trap other than {@code ecall}: status TRAP, with mcause and mtval from the
 * completion record and the faulting instruction (pc and disassembly) from the device's trace.
 */
public final class KernelTrapException extends CommandFailedException {
    private final int pc;
    private final String disassembly;

    public KernelTrapException(Submission submission, Completion completion, int pc, String disassembly) {
        super(submission, completion, String.format("the kernel trapped: mcause %d (%s), mtval 0x%08x, at pc 0x%08x: %s",
                completion.result(), causeName(completion.result()), completion.tval(), pc, disassembly));
        this.pc = pc;
        this.disassembly = disassembly;
    }

    private static String causeName(int mcause) {
        TrapCause c = TrapCause.of(mcause);
        return c == null ? "unknown cause" : c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public int mcause() { return completion().result(); }

    public int mtval() { return completion().tval(); }

    /** The faulting instruction's address. */
    public int pc() { return pc; }

    /** The faulting instruction, disassembled ("?" when it could not be fetched, e.g. a fetch fault). */
    public String disassembly() { return disassembly; }
}
