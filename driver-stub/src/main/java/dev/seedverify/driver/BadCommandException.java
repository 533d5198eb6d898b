package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/** The device rejected the descriptor (bad opcode or a reserved field set): status BAD_COMMAND. */
public final class BadCommandException extends CommandFailedException {
    public BadCommandException(Submission submission, Completion completion) {
        super(submission, completion, "the device rejected the descriptor (BAD_COMMAND)");
    }
}
