package dev.seedverify.golden.exec;

import dev.seedverify.golden.isa.Csr;

/**
 * Supplies implementation-defined CSR values (mcycle and its aliases, spec §1.1). In lockstep the
 * DUT's value is taken into the golden model, so such reads never diverge and are never skipped.
 */
@FunctionalInterface
public interface CounterSource {
    /** The value the instruction with {@code order} reads from {@code csr}; {@code own} is the golden model's. */
    int read(Csr csr, long order, int own);
}
