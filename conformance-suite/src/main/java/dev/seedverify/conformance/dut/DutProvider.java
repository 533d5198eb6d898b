package dev.seedverify.conformance.dut;

/**
 * Opens {@link DutTarget}s of one kind: the plug-in point for DUTs that live outside this module.
 * Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.seedverify.conformance.dut.DutProvider} file listing them), so the
 * RTL harness (or a test's faulty model) plugs in without any change to the property engine,
 * the campaign or the replayer. See {@link DutTargets}.
 */
public interface DutProvider {

    /** The target name, e.g. {@code rtl}. */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /**
     * Opens a target with {@code dramBytes} of DRAM on the calling thread.
     *
     * @throws DutUnavailableException when the target cannot be used here (not built, wrong DRAM size, ...)
     */
    DutTarget open(int dramBytes);

    /**
     * Whether this provider opens target {@code target}: by default only its {@link #name()}. A
     * provider of a family of targets (e.g. {@code mutant:<n>}, or the tests' {@code fault:<name>})
     * overrides this and {@link #open(String, int)}.
     */
    default boolean provides(String target) { return name().equals(target); }

    /** Opens target {@code target} (one this provider {@link #provides}). */
    default DutTarget open(String target, int dramBytes) { return open(dramBytes); }
}
