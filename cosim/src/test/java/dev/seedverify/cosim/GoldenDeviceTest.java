package dev.seedverify.cosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;

import org.junit.jupiter.api.Test;

/** The device conformance tests on the golden model, plus how its backend switches modes. */
class GoldenDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() { return Backends.open(Backends.GOLDEN, MIN_DRAM_BYTES); }

    @Test
    void hostBusOfAChipInBareModeIsAnError() {
        try (Backend bare = Backends.open(Backends.GOLDEN, MIN_DRAM_BYTES)) {
            assertThatThrownBy(() -> bare.mmioRead(MmioRegister.ID.offset())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("resetCommand");
            assertThatThrownBy(() -> bare.hostRead(BASE, 4)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(bare::irq).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void bareModeAfterCommandModeStartsFromZeroedDram() {
        runOne(Descriptor.fill(1, BASE + 0x2000, 64, -1, COMP));
        chip.loadBare(Assembler.assemble("""
                li t0, 0x80002000
                lw a0, 0(t0)
                li t1, 1
                beqz a0, done
                li t1, 3
                done: la t0, tohost
                sw t1, 0(t0)
                spin: j spin
                .align 3
                tohost: .word 0
                """, "bare.S"));
        CommitLog log = new CommitLog(64);
        assertThat(chip.advance(log, 64)).isEqualTo(Backend.Status.HALTED);
        assertThat(chip.tohostValue()).isEqualTo(1);
        assertThatThrownBy(() -> chip.mmioRead(0)).isInstanceOf(IllegalStateException.class);
    }
}
