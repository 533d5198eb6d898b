package dev.seedverify.golden.lockstep;

/** One field of a commit record on which golden model and DUT disagree. */
public record FieldDifference(String field, long golden, long dut) {
    @Override
    public String toString() {
        return String.format("%s: golden 0x%08x, DUT 0x%08x", field, golden, dut);
    }
}
