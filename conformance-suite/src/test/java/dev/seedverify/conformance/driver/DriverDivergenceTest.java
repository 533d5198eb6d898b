package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.DivergenceException;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepBackend;
import dev.seedverify.driver.DeviceMemory;
import dev.seedverify.driver.DeviceOptions;
import dev.seedverify.driver.S1Device;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.exec.Memory;

import org.junit.jupiter.api.Test;

/** A driver program on a lockstep pair whose DUT disagrees ends in the divergence report, not in a wrong result. */
class DriverDivergenceTest {

    /** A DUT whose host port stores FILL descriptors with the pattern's low byte flipped (a DMA fault as seen from outside). */
    static Backend faultyFill(Backend inner) {
        return new ForwardingBackend(inner) {
            @Override
            public String name() { return "golden-with-a-faulty-fill"; }

            @Override
            public void hostWrite(int address, byte[] data, int offset, int length) {
                if (length == DeviceTable.DESCRIPTOR_BYTES && (data[offset] & 0xFF) == dev.seedverify.golden.device.Opcode.FILL.code()) {
                    byte[] d = java.util.Arrays.copyOfRange(data, offset, offset + length);
                    d[4 * DescriptorField.FILL_PATTERN.word()] ^= 1;
                    super.hostWrite(address, d, 0, d.length);
                } else {
                    super.hostWrite(address, data, offset, length);
                }
            }
        };
    }

    @Test
    void aDisagreementRaisesTheDivergenceWithItsReport() {
        try (Backend pair = new LockstepBackend(new GoldenBackend(Memory.DEFAULT_BYTES), faultyFill(new GoldenBackend(Memory.DEFAULT_BYTES)));
             S1Device dev = S1Device.open(pair, DeviceOptions.defaults())) {
            DeviceMemory m = dev.alloc(64);
            Throwable t = catchThrowable(() -> dev.fill(m, 0, 64, 0x01020304));
            assertThat(t).isInstanceOf(DivergenceException.class).hasMessageContaining("diverged");
            DivergenceException d = (DivergenceException) t;
            assertThat(d.divergence().message()).isNotBlank();
            assertThat(d.signature().toString()).isNotBlank();
        }
    }
}
