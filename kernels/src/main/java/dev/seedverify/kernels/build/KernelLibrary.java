package dev.seedverify.kernels.build;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A built kernel library: one position-independent image holding every kernel in both variants,
 * with a LAUNCH entry per kernel and variant. It is linked at {@link #linkBase()}; copied so that
 * the image starts at any address {@code b} with {@code b} a multiple of
 * {@link #PLACEMENT_ALIGN}, it runs unchanged with every address shifted by
 * {@code b - linkBase()} (the build proved that by linking at two bases and comparing bytes).
 *
 * @param config   how it was built
 * @param image    the linked ELF (segments at link addresses, symbols)
 * @param elf      the ELF file, with debug information (for addr2line)
 * @param linkBase the address the image was linked at (its first byte)
 * @param size     bytes from the link base to the end of the last segment, rounded up to {@link #PLACEMENT_ALIGN}
 */
public record KernelLibrary(BuildConfig config, ElfImage image, Path elf, int linkBase, int size) {
    /** The alignment a placement of the image must keep (the build checks position independence for it). */
    public static final int PLACEMENT_ALIGN = 64;

    public KernelLibrary {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(image, "image");
    }

    /** Link address of {@code kernel}'s LAUNCH entry in {@code variant}. */
    public int entry(Kernel kernel, Variant variant) { return symbol(kernel.entrySymbol(variant)); }

    /** Link address of a symbol of the image. */
    public int symbol(String name) {
        Integer v = image.symbols().get(name);
        if (v == null) throw new IllegalArgumentException(config.label() + " kernel library has no symbol " + name);
        return v;
    }

    /** The symbol whose address is the greatest not above {@code linkAddress}, with the offset ({@code name+0x1c}). */
    public String describe(int linkAddress) {
        String best = null;
        long bestAddress = Long.MIN_VALUE;
        for (Map.Entry<String, Integer> e : image.symbols().entrySet()) {
            long a = Integer.toUnsignedLong(e.getValue());
            if (a <= Integer.toUnsignedLong(linkAddress) && a > bestAddress && !e.getKey().startsWith("s1k_image")
                    && !e.getKey().startsWith("s1k_scalar_text")) {
                best = e.getKey();
                bestAddress = a;
            }
        }
        if (best == null) return String.format("0x%08x", linkAddress);
        long off = Integer.toUnsignedLong(linkAddress) - bestAddress;
        return off == 0 ? best : String.format("%s+0x%x", best, off);
    }
}
