package dev.seedverify.cosim;

/** One field of a record on which reference and DUT disagree. */
public record FieldDifference(String field, long reference, long dut) {
    @Override
    public String toString() {
        return String.format("%s: reference 0x%08x, DUT 0x%08x", field, reference, dut);
    }
}
