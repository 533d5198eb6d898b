package dev.seedverify.cosim;

import dev.seedverify.rtl.RtlModel;

/**
 * The device conformance tests on the golden model and the RTL in lockstep ({@code lockstep} =
 * golden vs rtl): every record, every event, DRAM after every command and the registers at idle
 * points are compared while each test checks its behaviour.
 */
class LockstepRtlDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() { return Backends.open(LockstepBackendProvider.NAME, RtlModel.builtIn().dramBytes()); }
}
