package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/** A kernel spent its instruction budget without ending: status WATCHDOG. */
public final class WatchdogException extends CommandFailedException {
    public WatchdogException(Submission submission, Completion completion) {
        super(submission, completion, "the kernel ran out of its instruction budget after " + Integer.toUnsignedString(completion.retired())
                + " instructions (WATCHDOG)");
    }
}
