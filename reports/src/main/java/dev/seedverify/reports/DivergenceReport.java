package dev.seedverify.reports;

import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.FieldDifference;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.commit.TraceFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Divergence} for people (text) and tools (JSON): where it happened, the
 * instruction, each differing field with both values, the instructions that led to it and the
 * waveform, plus how to replay it.
 *
 * @param program what ran (file name, conformance program, or generated program with its seed)
 * @param dut     the DUT's description
 * @param replay  the command that replays this divergence, or null
 */
public record DivergenceReport(Divergence divergence, String program, String dut, String replay) {

    public String text() {
        Divergence d = divergence;
        StringBuilder s = new StringBuilder();
        s.append("DIVERGENCE ").append(d.kind()).append(" at order ").append(d.order()).append('\n');
        s.append("  program:  ").append(program).append('\n');
        s.append("  DUT:      ").append(dut).append('\n');
        s.append("  what:     ").append(d.message()).append('\n');
        CommitRecord at = d.reference() != null ? d.reference() : d.dut();
        if (at != null && at.event()) {
            s.append("  at:       ").append(TraceFormat.eventLine(at).strip()).append('\n');
        } else if (at != null) {
            s.append(String.format("  at:       pc %08x  insn %08x  %s%n", at.pc(), at.insn(), TraceFormat.disassembly(at)));
        }
        if (!d.differences().isEmpty()) {
            s.append(String.format("%n  %-18s %-12s %-12s%n", "field", d.referenceName(), d.dutName()));
            for (FieldDifference f : d.differences()) {
                s.append(String.format("  %-18s 0x%08x   0x%08x%n", f.field(), f.reference(), f.dut()));
            }
        }
        s.append("\n  last ").append(d.history().size()).append(" instructions (identical on both sides):\n");
        for (CommitRecord r : d.history()) s.append("    ").append(TraceFormat.line(r)).append('\n');
        if (d.reference() != null) s.append("  ").append(d.referenceName()).append("> ").append(TraceFormat.line(d.reference())).append('\n');
        if (d.dut() != null) s.append("  DUT>    ").append(TraceFormat.line(d.dut())).append('\n');
        if (d.waveform() != null) s.append("\n  waveform: ").append(d.waveform()).append('\n');
        if (replay != null) s.append("  replay:   ").append(replay).append('\n');
        return s.toString();
    }

    public Map<String, Object> toMap() {
        Divergence d = divergence;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("order", d.order());
        m.put("program", program);
        m.put("dut", dut);
        m.put("message", d.message());
        m.put("firstField", d.firstField());
        List<Object> diffs = new ArrayList<>();
        for (FieldDifference f : d.differences()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("field", f.field());
            fm.put("reference", hex(f.reference()));
            fm.put("dut", hex(f.dut()));
            diffs.add(fm);
        }
        m.put("differences", diffs);
        m.put("referenceName", d.referenceName());
        m.put("dutName", d.dutName());
        m.put("reference", d.reference() == null ? null : record(d.reference()));
        m.put("dutRecord", d.dut() == null ? null : record(d.dut()));
        List<Object> hist = new ArrayList<>();
        for (CommitRecord r : d.history()) hist.add(TraceFormat.line(r).strip());
        m.put("history", hist);
        m.put("waveform", d.waveform() == null ? null : d.waveform().toString());
        m.put("replay", replay);
        return m;
    }

    public String json() { return Json.write(toMap()); }

    /**
     * The same facts in the report model (which does not know the comparator's types); the bucket
     * and the reproducer are the caller's to add ({@code withBucket}, {@code withReproducer}).
     */
    public dev.seedverify.reports.model.Divergence toModel() {
        Divergence d = divergence;
        List<dev.seedverify.reports.model.DifferingField> fields = new ArrayList<>();
        for (FieldDifference f : d.differences()) fields.add(new dev.seedverify.reports.model.DifferingField(f.field(), hex(f.reference()), hex(f.dut())));
        List<String> hist = new ArrayList<>();
        for (CommitRecord r : d.history()) hist.add(TraceFormat.line(r).strip());
        return new dev.seedverify.reports.model.Divergence(d.kind().name(), d.order(), d.message(), d.firstField(), fields,
                d.reference() == null ? null : TraceFormat.line(d.reference()).strip(), d.dut() == null ? null : TraceFormat.line(d.dut()).strip(),
                hist, null, null, null, d.waveform() == null ? null : d.waveform().toString(), replay);
    }

    /** Writes {@code <base>.txt} and {@code <base>.json} atomically. */
    public void writeTo(Path dir, String base) throws IOException {
        AtomicFiles.write(dir.resolve(base + ".txt"), text());
        AtomicFiles.write(dir.resolve(base + ".json"), json());
    }

    static Map<String, Object> record(CommitRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", r.order());
        m.put("pc", hex(r.pc()));
        m.put("insn", hex(r.insn()));
        m.put("disassembly", TraceFormat.disassembly(r));
        m.put("effects", TraceFormat.effects(r));
        m.put("pcNext", hex(r.pcNext()));
        return m;
    }

    static String hex(long v) { return String.format("0x%08x", v & 0xFFFF_FFFFL); }
}
