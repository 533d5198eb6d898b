package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.driver.WaitMode;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The driver API as a state machine (jqwik action chains): random sequences of alloc, free,
 * write, read, copy, fill, load, launch (kernels that compute, trap, loop past the watchdog or try
 * to leave their window), asynchronous submissions, waits (brief ones that time out), finish and
 * invalid calls, on rings from 2 to 1024 entries with wrap-around, polling or irq. Each step: the
 * outcome is one the plain {@link ApiModel} allows, the allocation map is the model's, a refused
 * call changes nothing, and the strict bus monitor is silent; on the lockstep backend every
 * record, event, DRAM image and idle register of golden and RTL agree too. A failure is shrunk
 * by {@link ScriptShrinker} to a shortest action sequence and written as a replayable script to
 * {@code target/driver-repro/<property>.script} (keep it in {@code regressions/driver}).
 *
 * <p>Default tier: fixed seeds (golden and lockstep). Soak: longer chains, many more tries.
 */
class DriverStateProperties {
    static final Path REPRO = Path.of("target", "driver-repro");
    /**
     * An injected driver bug for the properties ({@code -Dseedverify.driver.bug=NAME}), to watch them
     * catch and shrink it: the default campaign runs the bugs through {@code DriverBugsTest} instead.
     */
    static final dev.seedverify.driver.DriverBug INJECTED = System.getProperty("seedverify.driver.bug") == null ? null
            : dev.seedverify.driver.DriverBug.byId(System.getProperty("seedverify.driver.bug"));
    /** One backend per name for the whole class (an RTL model is bound to the thread that opened it; jqwik runs tries on one). */
    private static final Map<String, Backend> BACKENDS = new HashMap<>();
    private static final Map<String, ScriptRunner> RUNNERS = new HashMap<>();
    /** Outcome kinds seen per property (coverage of every action, error and status). */
    private static final Map<String, Set<String>> COVERAGE = Collections.synchronizedMap(new HashMap<>());
    /** The properties whose runs must reach every required outcome (the irq one on the RTL alone is shorter). */
    private static final Set<String> COVERED = Set.of("golden", "lockstep", "lockstep-soak");
    /** Coverage entry: a chain's actions ran on a session waiting by this mode (both modes are required). */
    private static final String WAITED_BY = "sessions waiting by ";

    @Property(tries = 150, seed = "20261210", shrinking = ShrinkingMode.OFF)
    void onTheGoldenDeviceTheDriverKeepsItsPromises(@ForAll("goldenChains") ActionChain<DriverChain> chain) {
        runChain("golden", chain);
    }

    /**
     * Polling and irq: with irq the driver acknowledges IRQ_STATUS while commands may still run; the
     * lockstep backend treats a clear that races a running command as timing (cosim/README.md) and
     * compares IRQ_STATUS and irq again once both chips agree at an idle point.
     */
    @Property(tries = 40, seed = "20261210", shrinking = ShrinkingMode.OFF)
    void inLockstepGoldenAndRtlAgreeAndTheDriverKeepsItsPromises(@ForAll("lockstepChains") ActionChain<DriverChain> chain) {
        runChain("lockstep", chain);
    }

    /** The irq path on the RTL alone, against the model. */
    @Property(tries = 25, seed = "20261210", shrinking = ShrinkingMode.OFF)
    void withIrqOnTheRtlTheDriverKeepsItsPromises(@ForAll("rtlIrqChains") ActionChain<DriverChain> chain) {
        runChain("rtl-irq", chain);
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(Tier.SoakOnly.class)
    void soakInLockstep(@ForAll("longLockstepChains") ActionChain<DriverChain> chain) {
        runChain("lockstep-soak", chain);
    }

    @Provide
    Arbitrary<ActionChain<DriverChain>> goldenChains() { return chains(Backends.GOLDEN, "golden", 30, WaitMode.values()); }

    @Provide
    Arbitrary<ActionChain<DriverChain>> lockstepChains() { return chains("lockstep", "lockstep", 25, WaitMode.values()); }

    @Provide
    Arbitrary<ActionChain<DriverChain>> rtlIrqChains() { return chains("rtl", "rtl-irq", 25, WaitMode.IRQ); }

    @Provide
    Arbitrary<ActionChain<DriverChain>> longLockstepChains() { return chains("lockstep", "lockstep-soak", 80, WaitMode.values()); }

    private Arbitrary<ActionChain<DriverChain>> chains(String backend, String property, int maxActions, WaitMode... modes) {
        Arbitrary<DriverScript> openings = Combinators.combine(Arbitraries.of(2, 2, 4, 8, 16, 64, 1024), Arbitraries.of(modes),
                Arbitraries.of(1, 8, 64, 256)).as((ring, mode, poll) -> new DriverScript(ring, mode, poll, List.of(), null));
        return openings.flatMap(o -> ActionChain.<DriverChain>startWith(() -> new DriverChain(backend, o, property))
                .withAction(new NextAction())
                .withMaxTransformations(maxActions));
    }

    /** Draws the next action from the chain's generator (its labels so far). */
    static final class NextAction implements Action.Dependent<DriverChain> {
        @Override
        public Arbitrary<Transformer<DriverChain>> transformer(DriverChain state) {
            return Arbitraries.randomValue(r -> state.generator.next(r)).map(a -> Transformer.mutate(a.line(), s -> s.step(a)));
        }
    }

    /** The chain's state: a driver session on the shared backend, and the actions run so far. */
    static final class DriverChain {
        final ActionGenerator generator = new ActionGenerator();
        final DriverScript opening;
        final String property;
        final ScriptRunner.Session session;
        final List<DriverAction> done = new ArrayList<>();

        final String backend;

        DriverChain(String backend, DriverScript opening, String property) {
            this.backend = backend;
            ScriptRunner runner = runner(backend);
            this.opening = opening;
            this.property = property;
            this.session = runner.start(opening, INJECTED, COVERAGE.computeIfAbsent(property, k -> Collections.synchronizedSet(new TreeSet<>())));
        }

        private DriverAction current;

        void step(DriverAction a) {
            current = a;
            session.step(a);
            COVERAGE.get(property).add(WAITED_BY + opening.waitMode());
            done.add(a);
            current = null;
        }

        /** The actions run, the failing one (which {@link #step} did not record) included. */
        List<DriverAction> failing() {
            List<DriverAction> all = new ArrayList<>(done);
            if (current != null) all.add(current);
            return all;
        }

        @Override
        public String toString() { return opening.withActions(done).text(); }
    }

    private static void runChain(String property, ActionChain<DriverChain> chain) {
        DriverChain end = null;
        Throwable failure = null;
        try {
            end = chain.run();
            end.session.end();
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        } finally {
            DriverChain s = end != null ? end : chain.finalState().orElse(null);
            if (s != null) s.session.close();
            if (failure != null) throw shrunk(property, s, failure);
        }
    }

    /**
     * Shrinks the failing run with {@link ScriptShrinker} (delta debugging over the script: the
     * actions name their handles by label, which jqwik's chain shrinker cannot remove around, so
     * jqwik's shrinking is off), writes the shrunk script and fails with it.
     */
    private static AssertionError shrunk(String property, DriverChain s, Throwable failure) {
        if (s == null) return new AssertionError(failure.getMessage(), failure);
        ScriptRunner runner = runner(s.backend);
        DriverScript failing = s.opening.withActions(s.failing());
        DriverScript small = ScriptShrinker.shrink(failing, x -> !runner.run(x, INJECTED).passed(), 3000).script().foundWith(INJECTED);
        ScriptRunner.Report r = runner.run(small, INJECTED);
        String text = small.text() + "# failure: " + String.valueOf(r.failure()).replace("\n", "\n# ") + "\n";
        writeReproducer(property, text);
        return new AssertionError("the driver broke its promises; shrunk from " + failing.actions().size() + " to " + small.actions().size()
                + " actions (replay: ci/driver-replay.sh conformance-suite/" + REPRO.resolve(property + ".script") + " --backend " + s.backend + "):\n"
                + text, failure);
    }

    private static void writeReproducer(String property, String text) {
        try {
            Files.createDirectories(REPRO);
            Files.writeString(REPRO.resolve(property + ".script"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized ScriptRunner runner(String backend) {
        return RUNNERS.computeIfAbsent(backend, b -> new ScriptRunner(BACKENDS.computeIfAbsent(b, n -> Backends.open(n, Memory.DEFAULT_BYTES))));
    }

    /** Every action ran, and every error and status the driver can report showed up, in each property that ran. */
    @AfterContainer
    static void coverageAndCleanUp() {
        try {
            Map<String, List<String>> missing = new java.util.TreeMap<>();
            for (Map.Entry<String, Set<String>> e : COVERAGE.entrySet()) {
                if (!COVERED.contains(e.getKey())) continue;
                List<String> m = new ArrayList<>(DriverCoverage.REQUIRED);
                for (WaitMode w : WaitMode.values()) m.add(WAITED_BY + w);
                m.removeAll(e.getValue());
                if (!m.isEmpty()) missing.put(e.getKey(), m);
            }
            assertThat(missing).as("required outcomes a property's fixed seed range did not reach").isEmpty();
        } finally {
            RUNNERS.values().forEach(ScriptRunner::close);
            BACKENDS.values().forEach(Backend::close);
            RUNNERS.clear();
            BACKENDS.clear();
            COVERAGE.clear();
        }
    }
}
