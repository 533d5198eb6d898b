package dev.seedverify.golden.exec;

/**
 * One hart's use of translated code: where it is entered, and which pages of that hart's DRAM
 * it was made from at which {@linkplain Memory#codeEpoch code epochs}, so a write that could
 * change the code makes it stale.
 */
final class Translation {
    final TranslatedRegion code;
    /** Guest pc of the entry. */
    final int entry;
    /** Guest instructions covered. */
    final int instructions;
    private final int[] pages, epochs;
    /** {@link Memory#codeEpochSum} when the pages were last found current. */
    private int checkedSum;

    Translation(TranslatedRegion code, int entry, int instructions, int[] pages, Memory mem) {
        this.code = code;
        this.entry = entry;
        this.instructions = instructions;
        this.pages = pages;
        epochs = new int[pages.length];
        for (int i = 0; i < pages.length; i++) epochs[i] = mem.codeEpoch[pages[i]];
        checkedSum = mem.codeEpochSum;
    }

    /** Whether no write has touched the code since it was translated. */
    boolean current(Memory mem) {
        int sum = mem.codeEpochSum;
        if (sum == checkedSum) return true;
        for (int i = 0; i < pages.length; i++) {
            if (mem.codeEpoch[pages[i]] != epochs[i]) return false;
        }
        checkedSum = sum;
        return true;
    }
}
