package dev.seedverify.cosim;

/**
 * A {@link LockstepBackend} found its DUT leaving its reference. Carries the {@link Divergence}
 * (the same result model as a bare-mode {@link Lockstep} run), so reports and buckets treat both alike.
 */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Divergence divergence;

    public DivergenceException(Divergence divergence) {
        super(divergence.referenceName() + " and " + divergence.dutName() + " diverged: " + divergence.kind() + " at order "
                + divergence.order() + ": " + divergence.message());
        this.divergence = divergence;
    }

    public Divergence divergence() { return divergence; }

    /** The bucket this divergence falls into. */
    public BucketSignature signature() { return BucketSignature.of(divergence); }
}
