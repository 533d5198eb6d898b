package dev.seedverify.conformance.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;

/** The driver's directed tests on golden and RTL in lockstep: every record, event, DRAM image and idle register agree too. */
class LockstepDriverTest extends DriverConformance {
    @Override
    protected Backend open() { return Backends.open("lockstep", Memory.DEFAULT_BYTES); }
}
