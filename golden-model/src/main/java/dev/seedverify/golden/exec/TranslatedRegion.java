package dev.seedverify.golden.exec;

/**
 * Translated guest code: {@link RegionCompiler} generates the subclasses as hidden classes. The
 * code is stateless and depends only on the guest words it was made from, so harts running the
 * same code share one instance ({@link CodeCache}); what a hart needs to know about its own copy
 * of the code is in {@link Translation}.
 */
abstract class TranslatedRegion {
    /** With records: each fast-path instruction's record template ({@link RegionCompiler.Output#templates}). */
    int[] templates;
    /** The pcs {@link #run} can start at (the hart's pc selects): its entry, loop heads and return sites. */
    int[] entries;
    /** The instructions it hands to the interpreter ({@link RegionCompiler}'s sites). */
    int[] steps;

    /**
     * Executes from the hart's pc (one of {@link #entries}) for at most {@code budget} instructions (code between two budget
     * checks runs only if the budget covers its longest path), leaves the registers and pc in
     * {@code hart} and returns the budget left; its complement ({@code ~left}, negative) when it
     * stopped at a check because the budget did not cover what follows, so only the interpreter
     * can go on to the exact end. The hart's order and records are the caller's to account.
     */
    abstract int run(Hart hart, int budget);
}
