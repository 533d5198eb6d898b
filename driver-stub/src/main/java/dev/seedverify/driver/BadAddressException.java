package dev.seedverify.driver;

import dev.seedverify.golden.device.Completion;

/** The device rejected an address of the descriptor (outside DRAM, misaligned, empty window): status BAD_ADDRESS. */
public final class BadAddressException extends CommandFailedException {
    public BadAddressException(Submission submission, Completion completion) {
        super(submission, completion, "the device rejected an address of the descriptor (BAD_ADDRESS)");
    }
}
