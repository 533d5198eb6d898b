package dev.seedverify.conformance.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;

/** The driver's directed tests on the golden device. */
class GoldenDriverTest extends DriverConformance {
    @Override
    protected Backend open() { return Backends.open(Backends.GOLDEN, Memory.DEFAULT_BYTES); }
}
