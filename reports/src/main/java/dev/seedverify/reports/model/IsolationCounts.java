package dev.seedverify.reports.model;

/**
 * The isolation property's counts: kernels launched, escapes (a kernel touched memory outside its
 * window), and bytes found changed outside the window. It holds when both of the last two are 0.
 */
public record IsolationCounts(long launches, long escapes, long bytesChangedOutsideWindow) {
    public IsolationCounts {
        Checks.nonNegative(launches, "launches");
        Checks.nonNegative(escapes, "escapes");
        Checks.nonNegative(bytesChangedOutsideWindow, "bytes changed outside the window");
    }

    public boolean holds() { return escapes == 0 && bytesChangedOutsideWindow == 0; }

    public IsolationCounts plus(IsolationCounts o) {
        return new IsolationCounts(launches + o.launches, escapes + o.escapes, bytesChangedOutsideWindow + o.bytesChangedOutsideWindow);
    }
}
