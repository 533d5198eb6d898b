package dev.seedverify.driver;

import java.util.ArrayList;
import java.util.List;

/**
 * Injected driver bugs (issue 10): each one a mistake a real accelerator driver makes, selectable
 * by name like the RTL mutants ({@code mutant:NAME}) and run the same way: the driver campaign
 * ({@code ci/driver-bugs.sh}) runs the stateful driver properties against a driver opened with
 * {@link DeviceOptions#withBug}, until the plain model of the API or the bus protocol monitor
 * objects, and shrinks the failing action sequence. The correct driver never consults this enum
 * except to ask whether it carries one of these bugs.
 */
public enum DriverBug {
    TAIL_BEFORE_DESCRIPTOR("tail-before-descriptor",
            "rings the doorbell (CQ_TAIL) before writing the descriptor into the ring slot"),
    RING_WRAP_OFF_BY_ONE("ring-wrap-off-by-one",
            "wraps the ring tail at entries + 1, so the doorbell gets the out-of-ring index CQ_ENTRIES"),
    MISSING_DOORBELL("missing-doorbell",
            "forgets the doorbell when the tail wraps back to slot 0"),
    COMPLETION_TO_WRONG_SUBMISSION("completion-to-wrong-submission",
            "hands the completions collected in one poll to their submissions in reverse order, without checking tags"),
    FREED_BLOCK_HANDED_OUT_TWICE("freed-block-handed-out-twice",
            "hands the block freed last out again but leaves it on the free list, so a second allocation gets it too"),
    ALIGNMENT_IGNORED("alignment-ignored",
            "places every allocation at word alignment whatever alignment was asked for"),
    WINDOW_ONE_WORD_SHORT("window-one-word-short",
            "derives the launch window's limit one word below the end of the highest allocation"),
    TIMEOUT_LOSES_COMPLETION("timeout-loses-completion",
            "drops a submission whose wait timed out, so its late completion is handed to the next submission"),
    FLAG_BIT_IN_FILL("flag-bit-in-fill",
            "sets a flag bit (reserved in v1) in FILL descriptors"),
    COMPLETION_READ_BEFORE_DONE("completion-read-before-done",
            "peeks at the oldest completion record before DONE_COUNT says it was written");

    private final String id;
    private final String description;

    DriverBug(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name it is selected by. */
    public String id() { return id; }

    public String description() { return description; }

    /** The bug called {@code id}. */
    public static DriverBug byId(String id) {
        for (DriverBug b : values()) if (b.id.equals(id)) return b;
        throw new IllegalArgumentException("no driver bug named '" + id + "'; known: " + String.join(", ", ids()));
    }

    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (DriverBug b : values()) out.add(b.id);
        return out;
    }
}
