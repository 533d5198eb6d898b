package dev.seedverify.golden.lockstep;

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
        List<FieldDifference> out = new ArrayList<>();
        for (int r = 1; r < 32; r++) diff(out, "x" + r, golden.gpr(r), dut.gpr(r));
        diff(out, "pc", golden.pc(), dut.pc());
        for (Map.Entry<Integer, Integer> e : golden.csrs().entrySet()) {
            Csr csr = Csr.byAddress(e.getKey());
            if (csr.implementationDefined()) continue;
            diff(out, csr.mnemonic(), e.getValue(), dut.csr(csr));
        }
        for (int t = 0; t < Tiles.COUNT; t++) {
            for (int w = 0; w < Tiles.WORDS; w++) diff(out, "tile[" + t + "].word[" + w + "]", golden.tileWord(t, w), dut.tileWord(t, w));
        }
        if (golden.dramDigest() != dut.dramDigest()) out.add(new FieldDifference("dram_digest", golden.dramDigest(), dut.dramDigest()));
        return out;
    }

    /** A 32-bit field, reported as unsigned words like the record comparator's. */
    private static void diff(List<FieldDifference> out, String field, int g, int d) {
        if (g != d) out.add(new FieldDifference(field, g & 0xFFFF_FFFFL, d & 0xFFFF_FFFFL));
    }
}
