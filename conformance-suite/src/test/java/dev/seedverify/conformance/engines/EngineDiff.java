package dev.seedverify.conformance.engines;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.exec.TranslationPolicy;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.cosim.RecordComparator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one program on the interpreter (the reference: one run into one log) and on the
 * translator (runs of {@code chunk} instructions into a log of {@code capacity} records, drained
 * whenever it fills, so budgets and full logs fall inside translated blocks), and compares every
 * commit record, the stop reason and the final architectural state. Not thread-safe (one
 * reference log, reused).
 */
public final class EngineDiff {
    private final CommitLog reference;

    public EngineDiff(int maxRecords) { reference = new CommitLog(maxRecords); }

    /** The first difference as text, or null when the engines agree. */
    public String compare(ElfImage image, int dramBytes, long budget, int chunk, int capacity, TranslationPolicy policy) {
        if (budget > reference.capacity()) throw new IllegalArgumentException("budget " + budget + " exceeds the reference log");
        Hart ref = hart(image, dramBytes, ExecutionEngine.INTERPRETER, policy);
        reference.clear();
        ref.setCommitLog(reference);
        StopReason refStop = ref.run(budget);

        Hart t = hart(image, dramBytes, ExecutionEngine.TRANSLATOR, policy);
        CommitLog log = new CommitLog(capacity);
        t.setCommitLog(log);
        StopReason stop = StopReason.BUDGET;
        int compared = 0;
        while (t.order() < budget) {
            stop = t.run(Math.min(chunk, budget - t.order()));
            for (int i = 0; i < log.size(); i++, compared++) {
                if (compared >= reference.size()) return "the translator went on after the interpreter stopped (" + refStop + "): " + line(log, i);
                if (!RecordComparator.equal(reference, compared, log, i)) {
                    return "record " + compared + " differs: " + RecordComparator.differences(reference, compared, log, i)
                            + "\n  interpreter: " + line(reference, compared) + "\n  translator:  " + line(log, i);
                }
            }
            log.clear();
            if (stop == StopReason.HALTED || stop == StopReason.TRAPPED) break;
        }
        if (compared != reference.size()) return "the translator produced " + compared + " records, the interpreter " + reference.size();
        if (stop != refStop) return "stop reasons differ: interpreter " + refStop + ", translator " + stop;
        List<Object> a = state(ref), b = state(t);
        if (!a.equals(b)) {
            for (int k = 0; k < a.size(); k++) {
                if (!a.get(k).equals(b.get(k))) return "final state differs at " + k + ": interpreter " + a.get(k) + ", translator " + b.get(k);
            }
        }
        return null;
    }

    static Hart hart(ElfImage image, int dramBytes, ExecutionEngine engine, TranslationPolicy policy) {
        Hart h = new Hart(new Memory(dramBytes), engine);
        h.setEngine(engine, policy);
        BareMetal.load(h, image);
        return h;
    }

    private static String line(CommitLog log, int i) { return TraceFormat.line(log.get(i)); }

    /** Everything architectural (mcycle is each engine's own count, derived the same way). */
    static List<Object> state(Hart h) {
        List<Object> s = new ArrayList<>();
        for (int i = 0; i < 32; i++) s.add("x" + i + "=" + h.x(i));
        s.add("pc=" + h.pc());
        for (Csr c : Csr.values()) s.add(c.mnemonic() + "=" + h.csr(c));
        s.add("order=" + h.order());
        s.add("instret=" + h.instret());
        s.add("tohost=" + h.tohostValue());
        for (int t = 0; t < 8; t++) s.add("m" + t + "=" + Arrays.toString(h.tiles().tile(t)));
        byte[] m = new byte[h.memory().size()];
        h.memory().read(0, m, 0, m.length);
        s.add("dram hash=" + Arrays.hashCode(m));
        return s;
    }
}
