package dev.seedverify.reports.model;

/** One field the two sides disagree on, with both values as the comparator printed them (e.g. {@code 0x0000002a}). */
public record DifferingField(String field, String golden, String dut) {
    public DifferingField {
        Checks.text(field, "field name");
        if (golden == null || dut == null) throw new IllegalArgumentException("field " + field + " needs both values");
    }
}
