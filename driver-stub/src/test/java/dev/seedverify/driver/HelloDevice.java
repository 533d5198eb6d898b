package dev.seedverify.driver;

import dev.seedverify.golden.asm.Assembler;

/**
 * The README's "hello device", compiled with the tests ({@code HelloDeviceTest} checks the README
 * shows exactly the lines between the markers, and runs them).
 */
final class HelloDevice {
    private HelloDevice() {}

    static int run(String backend) {
        // README:begin
        try (S1Device dev = S1Device.open(backend)) {          // "golden", "rtl" or "lockstep"
            LoadedKernel sum = dev.load(Assembler.assemble("""
                        lw   t0, 0(a0)      # the array
                        lw   t1, 4(a0)      # its length in words
                        li   a0, 0
                    loop:
                        beqz t1, done
                        lw   t2, 0(t0)
                        add  a0, a0, t2
                        addi t0, t0, 4
                        addi t1, t1, -1
                        j    loop
                    done:
                        ecall               # the result is a0
                    """, "sum.S"));
            DeviceMemory input = dev.alloc(16), array = dev.alloc(16), args = dev.alloc(8), stack = dev.alloc(256);
            dev.writeInts(input, 0, 1, 2, 3, 4);
            dev.copy(array, 0, input, 0, 16);                   // a DMA COPY on the device
            CommandResult r = dev.launch(Launch.of(sum).args(args, Arg.ptr(array), Arg.word(4)).stack(stack).budget(1000));
            System.out.println("sum = " + r.value());           // sum = 10
            return r.value();
        }
        // README:end
    }
}
