package dev.seedverify.kernels.launch;

import dev.seedverify.golden.device.CompletionStatus;

/**
 * How a launch ended: the completion record's words (spec §4.2) and, when the device can tell,
 * the cycles the kernel took.
 *
 * @param status  OK (ecall), TRAP, WATCHDOG or BAD_ADDRESS
 * @param result  x10 at ecall; mcause on TRAP; else 0
 * @param tval    mtval on TRAP, else 0
 * @param retired instructions the kernel retired (the trap that ends it is not a retirement)
 * @param cycles  clock cycles from the kernel's first instruction to its end, or -1 if the device does not model time
 */
public record LaunchResult(CompletionStatus status, int result, int tval, long retired, long cycles) {
    public boolean ok() { return status == CompletionStatus.OK; }

    @Override
    public String toString() {
        String s = switch (status) {
            case OK -> "OK result=" + result;
            case TRAP -> String.format("TRAP mcause=%d mtval=0x%08x", result, tval);
            default -> status.name();
        };
        return s + " retired=" + retired + (cycles >= 0 ? " cycles=" + cycles : "");
    }
}
