package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.Backend;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.shrink.ProgramShrinker;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A {@link LockstepRunner} that lives on a thread of its own, for callers that may call from
 * several threads (jqwik shrinks on another thread than the one that ran the tries): a Verilator
 * model runs only on the thread that created it, so every call is handed to that one thread.
 */
public final class ConfinedLockstep implements AutoCloseable {
    private final ModelThread thread = new ModelThread("lockstep-dut");
    private final LockstepRunner runner;

    public ConfinedLockstep(Supplier<? extends Backend> factory, long budget) {
        runner = call(() -> new LockstepRunner(factory, budget));
    }

    public LockstepRunner.Outcome run(Program p) { return call(() -> runner.run(ProgramRenderer.image(p).image())); }

    /** The shrinker's oracle, callable from any thread. */
    public ProgramShrinker.Oracle oracle() {
        ProgramShrinker.Oracle inner = ProgramShrinker.Oracle.of(runner);
        return p -> call(() -> inner.test(p));
    }

    public String describeDut() { return call(() -> runner.dut().describe()); }

    /** Runs {@code task} on the runner's thread and returns its result (its exceptions rethrown here). */
    public <T> T call(Callable<T> task) { return thread.call(task); }

    @Override
    public void close() { thread.close(runner); }
}
