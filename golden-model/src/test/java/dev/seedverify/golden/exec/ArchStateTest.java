package dev.seedverify.golden.exec;

import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The architectural state as a value: taken from a hart, built from parts, immutable. */
class ArchStateTest {

    private static Map<Integer, Integer> zeroCsrs() {
        Map<Integer, Integer> m = new HashMap<>();
        for (Csr c : Csr.values()) m.put(c.address(), 0);
        return m;
    }

    private static byte[][] zeroTiles() { return new byte[Tiles.COUNT][Tiles.TILE_BYTES]; }

    @Test
    void aHartsStateIsWhatItsInstructionsWouldRead() {
        Sim s = Sim.run("li a0, 42\ncsrw mscratch, a0\nli a1, 3\ntput m5, a0, a1\nla t0, d\nsw a0, 0(t0)", "d: .word 0");
        ArchState a = ArchState.of(s.hart);
        assertThat(a.gpr(10)).isEqualTo(42);
        assertThat(a.gpr(0)).isZero();
        assertThat(a.pc()).isEqualTo(s.hart.pc());
        assertThat(a.csr(Csr.MSCRATCH)).isEqualTo(42);
        assertThat(a.csr(Csr.MISA)).isEqualTo(Csr.MISA_VALUE);
        assertThat(a.csr(Csr.MINSTRET)).isEqualTo((int) s.hart.instret());
        assertThat(a.csrs()).hasSize(Csr.values().length);
        assertThat(a.tileWord(5, 3)).isEqualTo(42);
        assertThat(a.tile(5)[12]).isEqualTo((byte) 42);
        assertThat(a.dramDigest()).isEqualTo(s.hart.memory().digest()).isNotZero();
        assertThat(ArchState.of(s.hart)).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void itIsAValueTheHartNoLongerChanges() {
        Sim s = Sim.run("li a0, 1");
        ArchState a = ArchState.of(s.hart);
        s.hart.setX(10, 2);
        s.hart.tiles().setWord(0, 0, 9);
        assertThat(a.gpr(10)).isEqualTo(1);
        assertThat(a.tileWord(0, 0)).isZero();
        a.tile(0)[0] = 5;
        assertThat(a.tileWord(0, 0)).isZero();
        assertThat(ArchState.of(s.hart)).isNotEqualTo(a);
    }

    @Test
    void partsOfTheWrongShapeAreRefusedByName() {
        int[] x = new int[32];
        assertThat(ArchState.of(x, Memory.BASE, zeroCsrs(), zeroTiles(), 0)).isEqualTo(ArchState.of(x, Memory.BASE, zeroCsrs(), zeroTiles(), 0));
        assertThatThrownBy(() -> ArchState.of(new int[31], 0, zeroCsrs(), zeroTiles(), 0)).hasMessageContaining("32 GPRs");
        int[] bad = new int[32];
        bad[0] = 1;
        assertThatThrownBy(() -> ArchState.of(bad, 0, zeroCsrs(), zeroTiles(), 0)).hasMessageContaining("x0");
        Map<Integer, Integer> missing = zeroCsrs();
        missing.remove(Csr.XSQZP.address());
        assertThatThrownBy(() -> ArchState.of(x, 0, missing, zeroTiles(), 0)).hasMessageContaining("xsqzp");
        Map<Integer, Integer> extra = zeroCsrs();
        extra.put(0x123, 0);
        assertThatThrownBy(() -> ArchState.of(x, 0, extra, zeroTiles(), 0)).hasMessageContaining("0x123");
        assertThatThrownBy(() -> ArchState.of(x, 0, zeroCsrs(), new byte[7][Tiles.TILE_BYTES], 0)).hasMessageContaining("8 tiles");
        byte[][] shortTile = zeroTiles();
        shortTile[3] = new byte[255];
        assertThatThrownBy(() -> ArchState.of(x, 0, zeroCsrs(), shortTile, 0)).hasMessageContaining("tile 3");
    }
}
