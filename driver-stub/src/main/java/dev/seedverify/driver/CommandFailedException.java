package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/** A command the device completed with a status other than OK; the subclass says which. */
public abstract class CommandFailedException extends DriverException {
    private final transient Submission submission;
    private final Completion completion;

    protected CommandFailedException(Submission submission, Completion completion, String message) {
        super(submission + ": " + message);
        this.submission = submission;
        this.completion = completion;
    }

    public Submission submission() { return submission; }

    /** The completion record as the device wrote it. */
    public Completion completion() { return completion; }
}
