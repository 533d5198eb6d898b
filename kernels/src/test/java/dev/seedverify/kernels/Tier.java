package dev.seedverify.kernels;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Test tiers (ci/README.md): surefire passes {@code -Dseedverify.tier=default|soak|mutants}. */
public final class Tier {
    public static final String PROPERTY = "seedverify.tier";

    private Tier() {}

    public static String current() { return System.getProperty(PROPERTY, "default"); }

    public static boolean soak() { return current().equals("soak"); }

    /** Skips a jqwik property or container unless the soak tier is selected. */
    public static final class SoakOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return soak() ? SkipResult.doNotSkip() : SkipResult.skip("soak tier only (-D" + PROPERTY + "=soak); tier is " + current());
        }
    }
}
