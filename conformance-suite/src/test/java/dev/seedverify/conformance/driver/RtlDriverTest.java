package dev.seedverify.conformance.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;

/** The driver's directed tests on the RTL device. */
class RtlDriverTest extends DriverConformance {
    @Override
    protected Backend open() { return Backends.open("rtl", Memory.DEFAULT_BYTES); }
}
