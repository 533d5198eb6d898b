package dev.seedverify.conformance.prop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One daemon thread that every call to a simulator is handed to: a Verilator model runs only on the
 * thread that created it, and jqwik shrinks on another thread than the one that ran the tries.
 */
public final class ModelThread implements AutoCloseable {
    private final ExecutorService thread;

    public ModelThread(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on the thread and returns its result (its exceptions rethrown here). */
    public <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Closes {@code resource} on the thread, then ends the thread. */
    public void close(AutoCloseable resource) {
        try {
            call(() -> {
                resource.close();
                return null;
            });
        } finally {
            close();
        }
    }

    @Override
    public void close() { thread.shutdown(); }
}
