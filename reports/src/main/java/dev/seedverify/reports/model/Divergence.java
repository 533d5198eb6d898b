package dev.seedverify.reports.model;

import java.util.List;

/**
 * The first disagreement between the golden model and a DUT, as facts for reports (the comparator's
 * own types stay in the comparator's module; {@code DivergenceReport#toModel} converts).
 *
 * @param kind         the comparator's kind ({@code MISMATCH}, {@code DUT_EXTRA}, {@code HANG}, ...)
 * @param order        the record's position in the commit stream (0-based), or -1 when there is none
 * @param message      one line: what differed
 * @param firstField   the first differing field, or null when the kind has none
 * @param fields       every differing field with both values
 * @param goldenRecord the golden model's record as a trace line, or null
 * @param dutRecord    the DUT's record as a trace line, or null
 * @param history      the records before it (identical on both sides), oldest first
 * @param bucket       the bucket signature ({@code mnemonic | field | cause}), or null when not bucketed
 * @param reproducer   the shrunk reproducer's text, or null
 * @param reproducerPath where that reproducer is kept, or null
 * @param waveform     the FST waveform of this (shrunk) failure, or null
 * @param replay       the command that replays it, or null
 */
public record Divergence(String kind, long order, String message, String firstField, List<DifferingField> fields,
                         String goldenRecord, String dutRecord, List<String> history, String bucket, String reproducer,
                         String reproducerPath, String waveform, String replay) {
    public Divergence {
        Checks.text(kind, "divergence kind");
        if (message == null) message = "";
        fields = Checks.list(fields);
        history = Checks.list(history);
    }

    public Divergence withBucket(String signature) {
        return new Divergence(kind, order, message, firstField, fields, goldenRecord, dutRecord, history, signature, reproducer,
                reproducerPath, waveform, replay);
    }

    public Divergence withReproducer(String text, String path) {
        return new Divergence(kind, order, message, firstField, fields, goldenRecord, dutRecord, history, bucket, text, path,
                waveform, replay);
    }

    public Divergence withWaveform(String path) {
        return new Divergence(kind, order, message, firstField, fields, goldenRecord, dutRecord, history, bucket, reproducer,
                reproducerPath, path, replay);
    }

    /** One line: {@code MISMATCH at order 40: rd_wdata golden 0x0000002a DUT 0x0000002b}. */
    public String summary() {
        StringBuilder s = new StringBuilder(kind);
        if (order >= 0) s.append(" at order ").append(order);
        if (!fields.isEmpty()) {
            DifferingField f = fields.get(0);
            s.append(": ").append(f.field()).append(" golden ").append(f.golden()).append(" DUT ").append(f.dut());
            if (fields.size() > 1) s.append(" (+").append(fields.size() - 1).append(" more)");
        } else if (!message.isEmpty()) {
            s.append(": ").append(message);
        }
        return s.toString();
    }

    /** The full report for people: where, every differing field with both values, the history, the reproducer. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("DIVERGENCE ").append(kind);
        if (order >= 0) s.append(" at order ").append(order);
        s.append('\n');
        if (!message.isEmpty()) s.append("  what:     ").append(message).append('\n');
        if (bucket != null) s.append("  bucket:   ").append(bucket).append('\n');
        if (!fields.isEmpty()) {
            int w = "field".length();
            for (DifferingField f : fields) w = Math.max(w, f.field().length());
            int g = "golden".length();
            for (DifferingField f : fields) g = Math.max(g, f.golden().length());
            s.append('\n').append(String.format("  %-" + w + "s  %-" + g + "s  %s%n", "field", "golden", "DUT"));
            for (DifferingField f : fields) s.append(String.format("  %-" + w + "s  %-" + g + "s  %s%n", f.field(), f.golden(), f.dut()));
        }
        if (!history.isEmpty()) {
            s.append("\n  last ").append(history.size()).append(" records (identical on both sides):\n");
            for (String h : history) s.append("    ").append(h).append('\n');
        }
        if (goldenRecord != null) s.append("  golden> ").append(goldenRecord).append('\n');
        if (dutRecord != null) s.append("  DUT>    ").append(dutRecord).append('\n');
        if (waveform != null) s.append("\n  waveform: ").append(waveform).append('\n');
        if (reproducerPath != null) s.append("  reproducer: ").append(reproducerPath).append('\n');
        if (replay != null) s.append("  replay:   ").append(replay).append('\n');
        if (reproducer != null) {
            s.append("\n  shrunk reproducer:\n");
            for (String line : reproducer.split("\n")) s.append(line.isBlank() ? "" : "    " + line.stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
