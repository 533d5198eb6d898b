package dev.seedverify.kernels.launch;

/**
 * What the kernel runner needs from an S1: the host memory port and LAUNCH. Today it is
 * implemented directly on the models ({@link GoldenDevice}: the golden hart's own launch;
 * {@link RtlShimDevice} and {@link LockstepShimDevice}: the RTL, started through a stub because its
 * command processor is not built yet). The driver will implement it with the command ring: write
 * the bytes through the host memory port, put {@link LaunchRequest#descriptor} into the ring,
 * ring the doorbell, wait for the completion record and return its words; everything above this
 * interface (placement, argument blocks, checks) stays as it is.
 *
 * <p>A device is used on the thread that opened it (an RTL model runs only there).
 */
public interface KernelDevice extends AutoCloseable {
    /** {@code golden}, {@code rtl}, {@code lockstep}, ... */
    String name();

    int dramBytes();

    /** Writes bytes into DRAM (host memory port). */
    void write(int address, byte[] data);

    /** Reads bytes of DRAM (host memory port). */
    byte[] read(int address, int length);

    /** Runs one kernel to its end and returns its completion. */
    LaunchResult launch(LaunchRequest request);

    @Override
    void close();
}
