package dev.seedverify.conformance.dut;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens DUTs by name: {@code golden} and {@code rtl} ({@link RtlDutProvider}) are built in; every
 * other name is looked up among the {@link DutProvider}s on the classpath ({@link ServiceLoader},
 * {@code META-INF/services/dev.seedverify.conformance.dut.DutProvider}): mutant RTL models, or the
 * tests' deliberately faulty golden models, plug in there without any change to the property
 * engine, the campaign or the replayer.
 */
public final class DutTargets {
    public static final String GOLDEN = "golden";
    public static final String RTL = "rtl";

    private DutTargets() {}

    /**
     * Opens target {@code name} with {@code dramBytes} of DRAM on this thread.
     *
     * @throws DutUnavailableException naming the reason (unknown name, RTL not built, ...)
     */
    public static DutTarget open(String name, int dramBytes) {
        if (name.equals(GOLDEN)) return new GoldenDut(dramBytes);
        if (name.equals(RTL)) return new RtlDutProvider().open(dramBytes);
        for (DutProvider p : providers()) {
            if (p.provides(name)) return p.open(name, dramBytes);
        }
        throw new DutUnavailableException("no DUT named '" + name + "'; available: " + names());
    }

    /** The providers on the classpath. */
    public static List<DutProvider> providers() {
        List<DutProvider> out = new ArrayList<>();
        ServiceLoader.load(DutProvider.class, classLoader()).forEach(out::add);
        return out;
    }

    /** Every target name that can be asked for (whether or not it opens here). */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(GOLDEN);
        out.add(RTL);
        for (DutProvider p : providers()) if (!out.contains(p.name())) out.add(p.name());
        return out;
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : DutTargets.class.getClassLoader();
    }
}
