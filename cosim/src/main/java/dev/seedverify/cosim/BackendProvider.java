package dev.seedverify.cosim;

/**
 * Opens backends of one family. Implementations register themselves with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.seedverify.cosim.BackendProvider}
 * file in their own module), so the RTL harness, mutant models, a third-party core or a test's
 * deliberately faulty model plug in without any change to the comparator, the driver or the
 * suites. See {@link Backends}.
 */
public interface BackendProvider {

    /** The family's name as users write it, e.g. {@code rtl} or {@code mutant:NAME}. */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /** Whether this provider opens the backend called {@code name}. */
    default boolean provides(String name) { return name().equals(name); }

    /**
     * Opens backend {@code name} with {@code dramBytes} of DRAM, bound to the calling thread.
     *
     * @throws BackendUnavailableException when it cannot be used here (not built, wrong DRAM size, ...)
     */
    Backend open(String name, int dramBytes);

    /** Whether the backends of this provider are real designs under test (not the golden model). */
    default boolean isDesignUnderTest() { return true; }
}
