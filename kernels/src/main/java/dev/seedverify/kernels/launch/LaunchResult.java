package dev.seedverify.kernels.launch;

import dev.seedverify.golden.device.CompletionStatus;

/**
 * How a launch ended: the completion record's words (spec §4.2) as the driver returned them, the
 * cycles when an RTL is below, and where a TRAP happened (from the driver's trap exception).
 *
 * @param status  OK (ecall), TRAP or WATCHDOG
 * @param result  x10 at ecall; mcause on TRAP; else 0
 * @param tval    mtval on TRAP, else 0
 * @param retired instructions the kernel retired (the trap that ends it is not a retirement)
 * @param cycles  RTL clock cycles of the LAUNCH command, from the doorbell to its completion (descriptor fetch
 *                and completion write included), or -1 without an RTL
 * @param trapAt  the faulting instruction on TRAP ("pc 0x...: disassembly"), else null
 */
public record LaunchResult(CompletionStatus status, int result, int tval, long retired, long cycles, String trapAt) {
    public boolean ok() { return status == CompletionStatus.OK; }

    @Override
    public String toString() {
        String s = switch (status) {
            case OK -> "OK result=" + result;
            case TRAP -> String.format("TRAP mcause=%d mtval=0x%08x at %s", result, tval, trapAt);
            default -> status.name();
        };
        return s + " retired=" + retired + (cycles >= 0 ? " cycles=" + cycles : "");
    }
}
