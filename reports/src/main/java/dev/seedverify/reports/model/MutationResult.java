package dev.seedverify.reports.model;

/**
 * One injected bug of the engine's self-test.
 *
 * @param mutant          its name ({@code sra-as-srl})
 * @param description     what it breaks
 * @param killed          whether some checker detected it
 * @param killedBy        the checker that did ({@code lockstep}, {@code property campaign}, {@code kernels}), or null
 * @param programsTried   programs run until detection (or until giving up)
 * @param secondsToDetect time to detection, or null when not detected
 * @param shrunkInstructions length of the shrunk reproducer, or null
 * @param bucket          the bucket of its divergence, or null
 */
public record MutationResult(String mutant, String description, boolean killed, String killedBy, long programsTried,
                             Double secondsToDetect, Integer shrunkInstructions, String bucket) {
    public MutationResult {
        Checks.text(mutant, "mutant name");
        if (description == null) description = "";
        if (killed && (killedBy == null || killedBy.isBlank())) throw new IllegalArgumentException("mutant " + mutant + " killed by no checker");
        Checks.nonNegative(programsTried, "programs tried");
    }

    public boolean survived() { return !killed; }
}
