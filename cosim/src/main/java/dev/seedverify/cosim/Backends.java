package dev.seedverify.cosim;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens backends by name. The golden model is always there; every other name is looked up among
 * the {@link BackendProvider}s on the classpath, each of which registered itself.
 */
public final class Backends {
    public static final String GOLDEN = "golden";

    private Backends() {}

    /**
     * Opens backend {@code name} with {@code dramBytes} of DRAM on this thread.
     *
     * @throws BackendUnavailableException naming the reason (unknown name, RTL not built, ...)
     */
    public static Backend open(String name, int dramBytes) {
        if (name.equals(GOLDEN)) return new GoldenBackend(dramBytes);
        for (BackendProvider p : providers()) {
            if (p.provides(name)) return p.open(name, dramBytes);
        }
        throw new BackendUnavailableException("no backend named '" + name + "'; available: " + String.join(", ", names()));
    }

    /** Whether {@code name} is a real design under test (anything but the golden model). */
    public static boolean isDesignUnderTest(String name) {
        if (name.equals(GOLDEN)) return false;
        for (BackendProvider p : providers()) if (p.provides(name)) return p.isDesignUnderTest();
        return true;
    }

    /** The registered providers. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, classLoader()).forEach(out::add);
        return out;
    }

    /** Every backend name that can be asked for (whether or not it opens here). */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(GOLDEN);
        for (BackendProvider p : providers()) if (!out.contains(p.name())) out.add(p.name());
        return out;
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : Backends.class.getClassLoader();
    }
}
