package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.dut.DutProvider;
import dev.seedverify.conformance.dut.DutTarget;
import dev.seedverify.conformance.dut.DutUnavailableException;

/**
 * The test faults as DUTs named {@code fault:<name>} (registered for the test classpath only in
 * {@code META-INF/services}), so the replayer and the campaign reach them exactly as they reach the RTL.
 */
public final class FaultyDutProvider implements DutProvider {
    static final String PREFIX = "fault:";

    @Override
    public String name() { return PREFIX + "<name>"; }

    @Override
    public String description() { return "the golden model with a test fault"; }

    @Override
    public boolean provides(String target) { return target.startsWith(PREFIX); }

    @Override
    public DutTarget open(int dramBytes) { throw new DutUnavailableException("name the fault: fault:<name>"); }

    @Override
    public DutTarget open(String target, int dramBytes) {
        for (Faults.Case c : Faults.all()) {
            if ((PREFIX + c.fault().name()).equals(target)) return new FaultyGoldenDut(c.fault(), dramBytes);
        }
        throw new DutUnavailableException("no test fault named " + target);
    }
}
