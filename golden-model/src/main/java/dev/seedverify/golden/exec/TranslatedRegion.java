package dev.seedverify.golden.exec;

/**
 * Translated guest code ({@link RegionCompiler} generates the subclasses as hidden classes):
 * runs from its entry pc, and knows which pages of DRAM it was made from and at which
 * {@linkplain Memory#codeEpoch code epochs}, so it can tell when a write made it stale.
 */
abstract class TranslatedRegion {
    /** Guest pc of the entry. */
    int entry;
    /** Guest instructions covered. */
    int instructions;
    /** The pages the code came from, and each page's code epoch when it was translated. */
    int[] pages, epochs;
    /** {@link Memory#codeEpochSum} when the pages were last found current. */
    int checkedSum;

    /**
     * Executes from {@link #entry} for at most {@code budget} instructions (each block runs only
     * if the budget covers all of it), leaves the registers and pc in {@code hart} and returns the
     * budget left. The hart's order and records are the caller's to account.
     */
    abstract int run(Hart hart, int budget);

    /** Whether no write has touched the code since it was translated. */
    final boolean current(Memory mem) {
        int sum = mem.codeEpochSum;
        if (sum == checkedSum) return true;
        for (int i = 0; i < pages.length; i++) {
            if (mem.codeEpoch[pages[i]] != epochs[i]) return false;
        }
        checkedSum = sum;
        return true;
    }
}
