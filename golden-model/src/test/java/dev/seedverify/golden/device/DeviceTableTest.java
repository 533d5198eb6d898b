package dev.seedverify.golden.device;

import dev.seedverify.golden.gen.DeviceHeader;
import dev.seedverify.golden.gen.DevicePackage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceTableTest {

    @Test
    void registerOffsetsAreDistinctWordsInsideTheWindow() {
        Set<Integer> seen = new HashSet<>();
        for (MmioRegister r : MmioRegister.values()) {
            assertThat(r.offset() % 4).as(r.name()).isZero();
            assertThat(r.offset()).as(r.name()).isLessThan(DeviceTable.MMIO_BYTES);
            assertThat(seen.add(r.offset())).as(r.name()).isTrue();
            assertThat(MmioRegister.at(r.offset())).isSameAs(r);
        }
    }

    @Test
    void unmappedWordsOfTheWindowHaveNoRegister() {
        assertThat(MmioRegister.at(0x0C)).isNull();
        assertThat(MmioRegister.at(DeviceTable.MMIO_BYTES - 4)).isNull();
    }

    @Test
    void offsetsOutsideTheWindowOrNotWordAlignedAreRejected() {
        assertThatThrownBy(() -> MmioRegister.at(DeviceTable.MMIO_BYTES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MmioRegister.at(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x2");
        assertThatThrownBy(() -> MmioRegister.at(-4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachOpcodeUsesDistinctWordsBetweenHeaderAndCompletion() {
        for (Opcode o : Opcode.values()) {
            Set<Integer> words = new HashSet<>();
            for (DescriptorField f : o.fields()) {
                assertThat(f.word()).isBetween(DeviceTable.DESC_W_HEADER + 1, DeviceTable.DESC_W_COMPLETION - 1);
                assertThat(words.add(f.word())).as(f.name()).isTrue();
                assertThat(o.uses(f.word())).isTrue();
            }
        }
        assertThat(Opcode.NOP.fields()).isEmpty();
    }

    @Test
    void descriptorRoundTripsThroughItsRingBytes() {
        Descriptor d = Descriptor.launch(0xBEEF, 0x8000_1000, 7, 0x8000_2000, 0x8000_0000, 0x8001_0000, 0, 0x8000_3000);
        Descriptor back = Descriptor.fromBytes(d.toBytes(), 0);
        assertThat(back).isEqualTo(d);
        assertThat(back.opcode()).isEqualTo(Opcode.LAUNCH);
        assertThat(back.tag()).isEqualTo(0xBEEF);
        assertThat(back.get(DescriptorField.LAUNCH_WINDOW_LIMIT)).isEqualTo(0x8001_0000);
        assertThat(back.completionAddress()).isEqualTo(0x8000_3000);
    }

    @Test
    void badOpcodeDecodesToNoOpcode() {
        Descriptor d = Descriptor.nop(1, 0x8000_0000).with(0, DeviceTable.header(9, 0, 1));
        assertThat(d.opcode()).isNull();
        assertThat(d.opcodeCode()).isEqualTo(9);
        assertThat(d.toString()).startsWith("opcode 0x09");
    }

    @Test
    void completionWordsCarryStatusAndTag() {
        Completion c = Completion.of(CompletionStatus.TRAP, 0x1234, 5, 0x8000_0004, 17);
        Completion back = Completion.fromWords(c.word(0), c.word(1), c.word(2), c.word(3));
        assertThat(back).isEqualTo(c);
        assertThat(c.word(0)).isEqualTo(0x1234_0003);
        assertThat(back.statusEnum()).isEqualTo(CompletionStatus.TRAP);
    }

    @Test
    void generatedSystemVerilogNamesEveryRegisterOpcodeAndStatus() {
        String sv = DevicePackage.render();
        for (MmioRegister r : MmioRegister.values()) assertThat(sv).contains(String.format("MMIO_%s = 8'h%02x", r.name(), r.offset()));
        for (Opcode o : Opcode.values()) assertThat(sv).contains("OP_" + o.name() + " = 8'd" + o.code());
        for (CompletionStatus s : CompletionStatus.values()) assertThat(sv).contains("ST_" + s.name() + " = 16'd" + s.code());
        assertThat(sv).contains("DESC_USED_LAUNCH = 8'b01111110");
    }

    @Test
    void generatedHeaderNamesEveryRegisterOpcodeAndField() {
        String h = DeviceHeader.render();
        for (MmioRegister r : MmioRegister.values()) assertThat(h).containsPattern("#define S1_MMIO_" + r.name() + " +" + String.format("0x%02xu", r.offset()));
        for (DescriptorField f : DescriptorField.values()) assertThat(h).containsPattern("#define S1_DESC_W_" + f.name() + " +" + f.word());
        assertThat(h).contains(String.format("S1_DEV_ID_VALUE              0x%08xu", DeviceTable.ID_VALUE));
    }
}
