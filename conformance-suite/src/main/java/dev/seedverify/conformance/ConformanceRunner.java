package dev.seedverify.conformance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs conformance programs on a {@link ProgramTarget} and summarises the outcomes. */
public final class ConformanceRunner {
    private final ProgramTarget target;

    public ConformanceRunner(ProgramTarget target) { this.target = target; }

    public ProgramTarget target() { return target; }

    /** Runs one program; a target that throws gives an ERROR outcome naming the exception. */
    public ProgramOutcome run(ConformanceProgram p) {
        try {
            ProgramOutcome o = target.run(p);
            if (o == null) return ProgramOutcome.error(p.path(), target.name() + " returned no outcome");
            return o;
        } catch (RuntimeException | AssertionError e) {
            return ProgramOutcome.error(p.path(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Runs every program, in order. */
    public Report runAll(Collection<ConformanceProgram> programs) {
        List<ProgramOutcome> outcomes = new ArrayList<>();
        for (ConformanceProgram p : programs) outcomes.add(run(p));
        return new Report(target.name(), outcomes);
    }

    public Report runAll(ConformanceList list) { return runAll(list.programs()); }

    /** The outcomes of one run of a list on one target. */
    public record Report(String target, List<ProgramOutcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public boolean allPassed() { return outcomes.stream().allMatch(ProgramOutcome::passed); }

        public List<ProgramOutcome> notPassed() { return outcomes.stream().filter(o -> !o.passed()).toList(); }

        public Map<ProgramOutcome.Status, Integer> counts() {
            Map<ProgramOutcome.Status, Integer> m = new EnumMap<>(ProgramOutcome.Status.class);
            for (ProgramOutcome.Status s : ProgramOutcome.Status.values()) m.put(s, 0);
            for (ProgramOutcome o : outcomes) m.merge(o.status(), 1, Integer::sum);
            return m;
        }

        public long totalInstret() { return outcomes.stream().mapToLong(ProgramOutcome::instret).sum(); }

        /**
         * A fixed-width text table, one row per program (program, verdict, instret, steps,
         * detail), then a summary line, e.g.
         * <pre>
         * program                 verdict         instret    steps  detail
         * rv32i/add_sub.S         PASS               1234     1234
         * ...
         * golden: 60 programs, 59 passed, 1 failed, 0 timed out, 0 errors
         * </pre>
         */
        public String summaryTable() {
            int w = "program".length();
            for (ProgramOutcome o : outcomes) w = Math.max(w, o.program().length());
            int v = "verdict".length();
            for (ProgramOutcome o : outcomes) v = Math.max(v, o.verdict().length());
            StringBuilder b = new StringBuilder();
            String fmt = "%-" + w + "s  %-" + v + "s  %10s  %10s  %s%n";
            b.append(String.format(fmt, "program", "verdict", "instret", "steps", "detail").stripTrailing()).append('\n');
            for (ProgramOutcome o : outcomes) {
                b.append(String.format(fmt, o.program(), o.verdict(), o.instret(), o.steps(), o.detail()).stripTrailing()).append('\n');
            }
            Map<ProgramOutcome.Status, Integer> c = counts();
            b.append(String.format("%s: %d programs, %d passed, %d failed, %d timed out, %d diverged, %d errors%n", target,
                    outcomes.size(), c.get(ProgramOutcome.Status.PASS), c.get(ProgramOutcome.Status.FAIL),
                    c.get(ProgramOutcome.Status.TIMEOUT), c.get(ProgramOutcome.Status.DIVERGED), c.get(ProgramOutcome.Status.ERROR)));
            return b.toString();
        }
    }
}
