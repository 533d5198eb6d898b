package dev.seedverify.bench;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.Device;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.exec.Memory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Golden device throughput in commands per second, records on (each command's events and a
 * kernel's instruction records go to a commit log, as in co-simulation). Each operation rings the
 * doorbell for one more entry of a ring whose every entry holds the same descriptor, and runs the
 * device until that command's completion event.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DeviceBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeviceBenchmark {
    static final int RING = Memory.BASE, ENTRIES = 64, COMP = Memory.BASE + 0x1000;
    static final int SRC = Memory.BASE + 0x10000, DST = Memory.BASE + 0x20000, BYTES = 4096;
    static final int KBASE = Memory.BASE + 0x40000, KLIMIT = KBASE + 0x1000;
    /** 100 retired instructions (li, then 33 times three), then ecall. */
    static final String KERNEL = "li t0, 33\nloop: addi t0, t0, -1\naddi a0, a0, 1\nbnez t0, loop\necall";

    @State(Scope.Thread)
    public static class Chip {
        /** nop, copy 4 KiB, fill 4 KiB, launch of a kernel that retires 100 instructions. */
        @Param({"nop", "copy4k", "fill4k", "launch100"})
        public String command;

        Device device;
        CommitLog log;
        int tail;

        @Setup(Level.Trial)
        public void setUp() {
            device = new Device(Memory.DEFAULT_BYTES);
            byte[] code = Assembler.assemble(KERNEL, "kernel.S", KBASE).segments().get(0).data();
            device.hostWrite(KBASE, code, 0, code.length);
            Descriptor d = switch (command) {
                case "nop" -> Descriptor.nop(1, COMP);
                case "copy4k" -> Descriptor.copy(1, SRC, DST, BYTES, COMP);
                case "fill4k" -> Descriptor.fill(1, DST, BYTES, 0x01020304, COMP);
                case "launch100" -> Descriptor.launch(1, KBASE, 0, KLIMIT, KBASE, KLIMIT, 1000, COMP);
                default -> throw new IllegalArgumentException("no command " + command);
            };
            byte[] b = d.toBytes();
            for (int i = 0; i < ENTRIES; i++) device.hostWrite(RING + DeviceTable.DESCRIPTOR_BYTES * i, b, 0, b.length);
            device.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
            device.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), ENTRIES);
            log = new CommitLog(256);
        }
    }

    @Benchmark
    public int commands(Chip c) {
        c.tail = (c.tail + 1) % ENTRIES;
        c.device.mmioWrite(MmioRegister.CQ_TAIL.offset(), c.tail);
        Device.Stop stop = c.device.run(c.log, c.log.capacity());
        c.log.clear();
        if (stop != Device.Stop.COMPLETED) throw new IllegalStateException("the command did not complete: " + stop);
        return c.device.mmioRead(MmioRegister.DONE_COUNT.offset());
    }
}
