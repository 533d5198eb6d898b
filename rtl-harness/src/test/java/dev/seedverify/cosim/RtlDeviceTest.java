package dev.seedverify.cosim;

import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.rtl.RtlModel;

/**
 * The device conformance tests of cosim on the RTL, through its {@link Backend} only (in the
 * package of {@link DeviceConformance}, whose helpers are package-private).
 */
class RtlDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() { return Backends.open(RtlBackendProvider.NAME, RtlModel.builtIn().dramBytes()); }
}
