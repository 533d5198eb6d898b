package dev.seedverify.rtl.mutant;

/** The mutation operators of {@link MutationEngine} (the MCY idea, applied to the S1 RTL's text). */
public enum MutationOperator {
    /** A relational operator replaced: {@code == <-> !=}, {@code < <-> <=}, {@code > <-> >=}. */
    RELATIONAL,
    /** An arithmetic or bitwise operator replaced: {@code + <-> -}, {@code & <-> |}, {@code ^ -> |}, {@code << <-> >>}, {@code >>> -> >>}. */
    ARITHMETIC,
    /** A logical operator replaced: {@code && <-> ||}. */
    LOGICAL,
    /** The condition of an {@code if} inverted. */
    CONDITION,
    /** A literal constant plus or minus one ({@code '0 <-> '1}). */
    CONSTANT,
    /** A constant bit select or part select moved one bit up or down. */
    BIT_SELECT,
    /** A clocked (non-blocking) assignment dropped: the register keeps its value. */
    DROPPED_ASSIGNMENT,
    /** A named signal (the target of a continuous or combinational assignment, or a function's result) stuck at all zeros or all ones. */
    STUCK_AT
}
