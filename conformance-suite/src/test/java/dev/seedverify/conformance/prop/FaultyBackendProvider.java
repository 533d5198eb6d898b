package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.BackendProvider;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendUnavailableException;

/**
 * The test faults as backends named {@code fault:<name>} (registered for the test classpath only in
 * {@code META-INF/services}), so the replayer and the campaign reach them exactly as they reach the RTL.
 */
public final class FaultyBackendProvider implements BackendProvider {
    static final String PREFIX = "fault:";

    @Override
    public String name() { return PREFIX + "<name>"; }

    @Override
    public String description() { return "the golden model with a test fault"; }

    @Override
    public boolean provides(String target) { return target.startsWith(PREFIX); }

    @Override
    public Backend open(String target, int dramBytes) {
        if (target.equals(PREFIX)) throw new BackendUnavailableException("name the fault: fault:<name>");
        for (Faults.Case c : Faults.all()) {
            if ((PREFIX + c.fault().name()).equals(target)) return new FaultyGoldenBackend(c.fault(), dramBytes);
        }
        throw new BackendUnavailableException("no test fault named " + target);
    }
}
