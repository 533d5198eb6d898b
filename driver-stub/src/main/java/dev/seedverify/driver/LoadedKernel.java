package dev.seedverify.driver;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A kernel ELF placed in device memory by {@link S1Device#load}: its segments at their offsets
 * from the image's lowest segment, its entry and symbols relocated by the same amount.
 */
public final class LoadedKernel {
    private final String name;
    private final DeviceMemory memory;
    private final int entry;
    private final Map<String, Integer> symbols;

    LoadedKernel(String name, DeviceMemory memory, int entry, Map<String, Integer> symbols) {
        this.name = name;
        this.memory = memory;
        this.entry = entry;
        this.symbols = Map.copyOf(symbols);
    }

    public String name() { return name; }

    /** The allocation holding the image (free it to unload the kernel). */
    public DeviceMemory memory() { return memory; }

    /** The device address execution starts at. */
    public int entry() { return entry; }

    /** The device address of symbol {@code name}. */
    public OptionalInt symbol(String name) {
        Integer a = symbols.get(name);
        return a == null ? OptionalInt.empty() : OptionalInt.of(a);
    }

    /**
     * The same loaded image, launched from another of its symbols (a library with one LAUNCH entry
     * per kernel is loaded once and launched at each entry).
     *
     * @throws InvalidRequestException (BAD_ARGUMENT) when the image has no such symbol
     */
    public LoadedKernel entryAt(String symbol) {
        Integer a = symbols.get(symbol);
        if (a == null) {
            throw new InvalidRequestException(InvalidRequestException.Reason.BAD_ARGUMENT, "launch entry: " + name + " has no symbol " + symbol + " in its segments");
        }
        return new LoadedKernel(name + ":" + symbol, memory, a, symbols);
    }

    @Override
    public String toString() { return String.format("kernel %s at 0x%08x (entry 0x%08x)", name, memory.address(), entry); }
}
