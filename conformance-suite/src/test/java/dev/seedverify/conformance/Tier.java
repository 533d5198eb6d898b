package dev.seedverify.conformance;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Test tiers (README "Test tiers"): surefire passes {@code -Dseedverify.tier=default|soak|mutants}.
 * JUnit tests of a longer tier use {@code @EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "soak")}
 * (or {@code "mutants"});
 * jqwik properties use {@code @AddLifecycleHook(Tier.SoakOnly.class)}.
 */
public final class Tier {
    public static final String PROPERTY = "seedverify.tier";

    private Tier() {}

    public static String current() { return System.getProperty(PROPERTY, "default"); }

    public static boolean soak() { return current().equals("soak"); }

    /** The mutants tier: every injected RTL bug, rebuilt one by one. */
    public static boolean mutants() { return current().equals("mutants"); }

    /** Skips a jqwik property or container unless the soak tier is selected. */
    public static final class SoakOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return soak() ? SkipResult.doNotSkip() : SkipResult.skip("soak tier only (-D" + PROPERTY + "=soak); tier is " + current());
        }
    }
}
