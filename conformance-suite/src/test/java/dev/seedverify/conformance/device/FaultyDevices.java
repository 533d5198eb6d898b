package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepBackend;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.Opcode;

/** Golden-model devices with one known fault, for the tests of the device suite's machinery. */
final class FaultyDevices {
    private FaultyDevices() {}

    /** FILL's DMA_WRITE event reports one byte more than it wrote when the length is odd. */
    static final class OddFillLength extends ForwardingBackend {
        OddFillLength(Backend inner) { super(inner); }

        @Override
        public String name() { return "odd-fill-length"; }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int from = log.size();
            Status s = inner.advance(log, maxRecords);
            for (int i = from; i < log.size(); i++) {
                if (log.isEvent(i) && log.field(i, CommitLog.EV_KIND) == DeviceEvent.DMA_WRITE.code()
                        && log.field(i, CommitLog.EV_W0) == Opcode.FILL.code() && (log.field(i, CommitLog.EV_ARG) & 1) != 0) {
                    log.setField(i, CommitLog.EV_ARG, log.field(i, CommitLog.EV_ARG) + 1);
                }
            }
            return s;
        }
    }

    /** After every completed command, one byte just below the isolation arena changes. */
    static final class Leaky extends ForwardingBackend {
        Leaky(Backend inner) { super(inner); }

        @Override
        public String name() { return "leaky"; }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            Status s = inner.advance(log, maxRecords);
            if (s == Status.COMPLETED) {
                byte[] b = inner.peekDram(IsolationCheck.ARENA - 1, 1);
                b[0]++;
                inner.hostWrite(IsolationCheck.ARENA - 1, b, 0, 1);
            }
            return s;
        }
    }

    static DeviceLockstep oddFillLength(int dramBytes) {
        return new DeviceLockstep("odd-fill-length", dramBytes,
                () -> new LockstepBackend(new GoldenBackend(dramBytes), new OddFillLength(new GoldenBackend(dramBytes))));
    }
}
