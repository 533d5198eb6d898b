package dev.seedverify.golden.device;

/**
 * Kinds of device event records (spec §5: "in command mode the device also produces records for
 * command completion ... and each DMA write range"). They travel in the commit-record stream
 * with the core's instruction records; see {@link dev.seedverify.golden.commit.CommitLog}'s
 * {@code EV_*} fields for their layout.
 */
public enum DeviceEvent {
    /** A command completed: descriptor index, completion address, the record's four words. */
    COMPLETION(1),
    /** A COPY or FILL wrote a range of DRAM: destination, length, opcode and source or pattern. */
    DMA_WRITE(2);

    private final int code;

    DeviceEvent(int code) { this.code = code; }

    public int code() { return code; }

    public static DeviceEvent of(int code) {
        for (DeviceEvent e : values()) if (e.code == code) return e;
        return null;
    }
}
