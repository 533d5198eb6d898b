package dev.seedverify.driver;

/** How the driver learns that commands completed. */
public enum WaitMode {
    /** Reads DONE_COUNT at every poll. */
    POLL,
    /** Enables the DONE and ERROR interrupts and reads DONE_COUNT only when {@code irq} is high (clearing IRQ_STATUS first). */
    IRQ
}
