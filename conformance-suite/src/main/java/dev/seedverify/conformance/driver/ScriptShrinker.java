package dev.seedverify.conformance.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing driver script to a shorter one that still fails: removes chunks of actions
 * (halves, quarters, ... single actions) while the script keeps failing, until no single action
 * can go, after trying the smallest ring first. Every subsequence of a script runs (unknown labels are
 * skipped), so each candidate is a valid script.
 */
public final class ScriptShrinker {
    private ScriptShrinker() {}

    /** The shrunk script and how many candidate runs it took. */
    public record Result(DriverScript script, int runs) {}

    public static Result shrink(DriverScript failing, Predicate<DriverScript> fails, int maxRuns) {
        DriverScript best = failing;
        int runs = 0;
        // The smallest ring first: a bug at the wrap then needs two commands, not a ring's worth.
        if (best.ringEntries() != 2) {
            DriverScript small = new DriverScript(2, best.waitMode(), best.pollRecords(), best.actions(), best.foundWith());
            runs++;
            if (fails.test(small)) best = small;
        }
        boolean progress = true;
        while (progress && runs < maxRuns) {
            progress = false;
            for (int chunk = Math.max(1, best.actions().size() / 2); chunk >= 1 && runs < maxRuns; chunk /= 2) {
                for (int from = 0; from + chunk <= best.actions().size() && runs < maxRuns; ) {
                    List<DriverAction> fewer = new ArrayList<>(best.actions().subList(0, from));
                    fewer.addAll(best.actions().subList(from + chunk, best.actions().size()));
                    DriverScript candidate = best.withActions(fewer);
                    runs++;
                    if (fails.test(candidate)) {
                        best = candidate;
                        progress = true;
                    } else {
                        from += chunk;
                    }
                }
                if (chunk == 1) break;
            }
        }
        return new Result(best, runs);
    }
}
