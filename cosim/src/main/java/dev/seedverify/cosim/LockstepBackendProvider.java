package dev.seedverify.cosim;

/**
 * The {@link LockstepBackend} by name: {@code lockstep} is the golden model against the RTL,
 * {@code lockstep:REF,DUT} any two backends {@link Backends} can open (e.g.
 * {@code lockstep:golden,mutant:ring-wrap}). The DUT name is everything after the first comma.
 */
public final class LockstepBackendProvider implements BackendProvider {
    public static final String NAME = "lockstep";
    public static final String PREFIX = NAME + ":";
    /** What {@code lockstep} alone compares. */
    public static final String DEFAULT_REFERENCE = Backends.GOLDEN, DEFAULT_DUT = "rtl";

    @Override
    public String name() { return NAME + "[:REF,DUT]"; }

    @Override
    public String description() {
        return "two backends driven by the same host actions and compared (records, events, DRAM after each command, idle "
                + "registers): lockstep = lockstep:" + DEFAULT_REFERENCE + "," + DEFAULT_DUT;
    }

    @Override
    public boolean provides(String name) { return name.equals(NAME) || name.startsWith(PREFIX); }

    /** The reference's and the DUT's names in {@code name}. */
    public static String[] parse(String name) {
        if (name.equals(NAME)) return new String[] {DEFAULT_REFERENCE, DEFAULT_DUT};
        if (!name.startsWith(PREFIX)) throw new IllegalArgumentException("not a lockstep backend name: '" + name + "'");
        String pair = name.substring(PREFIX.length());
        int comma = pair.indexOf(',');
        if (comma <= 0 || comma == pair.length() - 1) {
            throw new BackendUnavailableException("lockstep backend '" + name + "': write lockstep:REF,DUT (e.g. lockstep:golden,rtl)");
        }
        return new String[] {pair.substring(0, comma).strip(), pair.substring(comma + 1).strip()};
    }

    @Override
    public Backend open(String name, int dramBytes) {
        String[] pair = parse(name);
        Backend reference = Backends.open(pair[0], dramBytes);
        try {
            return new LockstepBackend(reference, Backends.open(pair[1], dramBytes));
        } catch (RuntimeException e) {
            reference.close();
            throw e;
        }
    }
}
