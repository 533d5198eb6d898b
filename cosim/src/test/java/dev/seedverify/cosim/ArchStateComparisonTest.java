package dev.seedverify.cosim;

import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-of-program state comparison names every differing field, and only those the spec fixes. */
class ArchStateComparisonTest {
    private static final int PC = 0x8000_0100;

    private static ArchState state(int x7, int pc, Csr csr, int csrValue, int tileWord60Of6, long digest) {
        int[] x = new int[32];
        x[7] = x7;
        Map<Integer, Integer> csrs = new HashMap<>();
        for (Csr c : Csr.values()) csrs.put(c.address(), 0);
        if (csr != null) csrs.put(csr.address(), csrValue);
        byte[][] tiles = new byte[Tiles.COUNT][Tiles.TILE_BYTES];
        tiles[6][240] = (byte) tileWord60Of6;
        return ArchState.of(x, pc, csrs, tiles, digest);
    }

    private static List<String> fields(ArchState g, ArchState d) {
        return ArchStateComparison.differences(g, d).stream().map(FieldDifference::field).toList();
    }

    @Test
    void equalStatesHaveNoDifferences() {
        assertThat(ArchStateComparison.differences(state(1, PC, Csr.MSCRATCH, 2, 3, 4), state(1, PC, Csr.MSCRATCH, 2, 3, 4))).isEmpty();
    }

    @Test
    void eachDifferingFieldIsNamedWithBothValues() {
        ArchState g = state(1, PC, Csr.MSCRATCH, 2, 3, 4);
        assertThat(fields(g, state(9, PC, Csr.MSCRATCH, 2, 3, 4))).containsExactly("x7");
        assertThat(fields(g, state(1, PC + 4, Csr.MSCRATCH, 2, 3, 4))).containsExactly("pc");
        assertThat(fields(g, state(1, PC, Csr.MSCRATCH, 5, 3, 4))).containsExactly("mscratch");
        assertThat(fields(g, state(1, PC, Csr.MSCRATCH, 2, 7, 4))).containsExactly("tile[6].word[60]");
        assertThat(fields(g, state(1, PC, Csr.MSCRATCH, 2, 3, -4))).containsExactly("dram_digest");
        assertThat(fields(g, state(9, PC, Csr.MSCRATCH, 5, 3, -4))).containsExactly("x7", "mscratch", "dram_digest");
        FieldDifference d = ArchStateComparison.differences(g, state(1, PC, Csr.MSCRATCH, -1, 3, 4)).get(0);
        assertThat(d.reference()).isEqualTo(2);
        assertThat(d.dut()).isEqualTo(0xFFFF_FFFFL);
        FieldDifference digest = ArchStateComparison.differences(g, state(1, PC, Csr.MSCRATCH, 2, 3, -4)).get(0);
        assertThat(digest.dut()).isEqualTo(-4L);
    }

    /** Spec §1.1: mcycle's value is implementation-defined (the RTL counts cycles); minstret is not. */
    @Test
    void theCycleCountersAreNotComparedButTheRetiredCountIs() {
        ArchState g = state(0, PC, null, 0, 0, 0);
        for (Csr c : new Csr[] {Csr.MCYCLE, Csr.MCYCLEH, Csr.CYCLE, Csr.CYCLEH}) {
            assertThat(fields(g, state(0, PC, c, 12345, 0, 0))).as(c.mnemonic()).isEmpty();
        }
        assertThat(fields(g, state(0, PC, Csr.MINSTRET, 1, 0, 0))).containsExactly("minstret");
        assertThat(fields(g, state(0, PC, Csr.INSTRETH, 1, 0, 0))).containsExactly("instreth");
    }
}
