package dev.seedverify.cosim;

/**
 * The device conformance tests through {@link LockstepBackend} with the golden model on both
 * sides: every host action of every test is applied twice and compared (records, DRAM after
 * each command, idle registers, host reads), and the tests still see one chip.
 */
class LockstepGoldenDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() { return Backends.open("lockstep:golden,golden", GOLDEN_DRAM_BYTES); }
}
