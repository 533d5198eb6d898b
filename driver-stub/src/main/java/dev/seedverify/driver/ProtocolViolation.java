package dev.seedverify.driver;

/**
 * One breach of the host side of spec §4 seen by the {@link BusMonitor}.
 *
 * @param rule         which rule
 * @param detail       what exactly was wrong
 * @param busAccess    the bus access that broke it ({@code mmioWrite CQ_TAIL = 3}, {@code hostRead 0x80000400+16})
 * @param driverAction the driver call in progress ({@link BusMonitor#action}), or "" if none was named
 */
public record ProtocolViolation(Rule rule, String detail, String busAccess, String driverAction) {
    /** The rules of the host's traffic (spec §4.1-§4.3 and the device design readings). */
    public enum Rule {
        DESCRIPTOR_INCOMPLETE("a descriptor is fully written before the tail moves over its slot"),
        WRITE_TO_PENDING_ENTRY("no host write to a ring entry between head and tail"),
        TAIL_OUTSIDE_RING("CQ_TAIL is written with an index inside the ring"),
        TAIL_WHILE_QERR("CQ_TAIL is written only while the ring is configured (QERR clear)"),
        TAIL_OVERTAKES_HEAD("the tail never moves past the head (at most entries - 1 commands outstanding)"),
        COMPLETION_READ_EARLY("a completion record is read only after DONE_COUNT showed it was written"),
        RESERVED_FIELD_SET("a descriptor's opcode is defined and its reserved fields are zero"),
        RING_CONFIG_WHILE_BUSY("CQ_BASE and CQ_ENTRIES are written only while the ring is empty"),
        READ_ONLY_WRITE("read-only and unmapped registers are not written");

        private final String text;

        Rule(String text) { this.text = text; }

        public String text() { return text; }
    }

    @Override
    public String toString() {
        return rule + " (" + rule.text() + "): " + detail + "; bus access: " + busAccess + (driverAction.isEmpty() ? "" : "; during: " + driverAction);
    }
}
