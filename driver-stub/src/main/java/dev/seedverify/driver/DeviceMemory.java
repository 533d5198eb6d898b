package dev.seedverify.driver;

/**
 * A block of device memory handed out by {@link S1Device#alloc}: where it is and how large. The
 * handle stays a value after {@link S1Device#free}; the device that made it knows whether it is
 * still live and refuses a freed or foreign handle.
 */
public final class DeviceMemory {
    final S1Device owner;
    private final long id;
    private final int address, bytes, alignment;

    DeviceMemory(S1Device owner, long id, int address, int bytes, int alignment) {
        this.owner = owner;
        this.id = id;
        this.address = address;
        this.bytes = bytes;
        this.alignment = alignment;
    }

    /** Allocation number on its device (1, 2, ... in allocation order). */
    public long id() { return id; }

    /** Device address of the first byte. */
    public int address() { return address; }

    /** Size in bytes. */
    public int bytes() { return bytes; }

    /** The address one past the last byte (unsigned 32-bit, as a long). */
    public long end() { return Integer.toUnsignedLong(address) + bytes; }

    public int alignment() { return alignment; }

    @Override
    public String toString() { return String.format("mem#%d[0x%08x, %d bytes]", id, address, bytes); }
}
