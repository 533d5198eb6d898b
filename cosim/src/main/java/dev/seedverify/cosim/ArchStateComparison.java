package dev.seedverify.cosim;

import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two {@link ArchState}s field by field and names every difference: {@code x1}..{@code x31},
 * {@code pc}, each CSR by its mnemonic, {@code tile[t].word[w]} and {@code dram_digest}.
 *
 * <p>mcycle, mcycleh, cycle and cycleh are not compared: their values are implementation-defined
 * (spec §1.1), the RTL counts clock cycles and the golden model records.
 */
public final class ArchStateComparison {
    private ArchStateComparison() {}

    /** Every differing field, registers first, DRAM last; empty when the states agree. */
    public static List<FieldDifference> differences(ArchState golden, ArchState dut) {
        // Names are built only for fields that differ: this runs once per program of a campaign.
        List<FieldDifference> out = new ArrayList<>();
        for (int r = 1; r < 32; r++) {
            if (golden.gpr(r) != dut.gpr(r)) out.add(word("x" + r, golden.gpr(r), dut.gpr(r)));
        }
        if (golden.pc() != dut.pc()) out.add(word("pc", golden.pc(), dut.pc()));
        for (Map.Entry<Integer, Integer> e : golden.csrs().entrySet()) {
            Csr csr = Csr.byAddress(e.getKey());
            int g = e.getValue(), d = dut.csr(csr);
            if (g != d && !csr.implementationDefined()) out.add(word(csr.mnemonic(), g, d));
        }
        for (int t = 0; t < Tiles.COUNT; t++) {
            for (int w = 0; w < Tiles.WORDS; w++) {
                int g = golden.tileWord(t, w), d = dut.tileWord(t, w);
                if (g != d) out.add(word("tile[" + t + "].word[" + w + "]", g, d));
            }
        }
        if (golden.dramDigest() != dut.dramDigest()) out.add(new FieldDifference("dram_digest", golden.dramDigest(), dut.dramDigest()));
        return out;
    }

    /** A 32-bit field, reported as an unsigned word like the record comparator's. */
    private static FieldDifference word(String field, int g, int d) {
        return new FieldDifference(field, g & 0xFFFF_FFFFL, d & 0xFFFF_FFFFL);
    }
}
