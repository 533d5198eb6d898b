package dev.seedverify.kernels.build;

import dev.seedverify.golden.toolchain.CrossCompiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C compiler able to build the kernel library for the S1 (RV32IM + Zicsr, ILP32), with the
 * flags that select that target and its linker.
 *
 * <ul>
 *   <li>{@link #gcc()}: Debian's {@code riscv64-unknown-elf-gcc} with {@code -march=rv32im_zicsr}
 *       and GNU ld.</li>
 *   <li>{@link #clang()}: Debian's {@code clang} with {@code --target=riscv32-unknown-elf} and
 *       {@code ld.lld}. Its {@code -march} is {@code rv32im}: Clang 14 rejects {@code zicsr} in
 *       {@code -march} ("unsupported standard user-level extension 'zicsr'") because it still
 *       follows the ISA manual before Zicsr was split out of the base ISA, and so accepts CSR
 *       instructions with plain {@code rv32im}.</li>
 * </ul>
 *
 * @param name      how it is named in configurations and reports ({@code gcc}, {@code clang})
 * @param kind      which driver conventions apply
 * @param compiler  the compiler executable
 * @param target    the flags selecting the S1 target (architecture, ABI, linker)
 * @param addr2line the tool mapping addresses to source lines
 */
public record Toolchain(String name, Kind kind, String compiler, List<String> target, String addr2line) {

    public enum Kind { GCC, CLANG }

    public Toolchain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(compiler, "compiler");
        target = List.copyOf(target);
        Objects.requireNonNull(addr2line, "addr2line");
    }

    /** Debian's RISC-V GCC (the prefix follows {@code seedverify.riscv.prefix}, as for the bare-mode programs). */
    public static Toolchain gcc() { return gcc(CrossCompiler.PREFIX + "gcc"); }

    public static Toolchain gcc(String compiler) {
        return new Toolchain("gcc", Kind.GCC, compiler, List.of("-march=rv32im_zicsr", "-mabi=ilp32"),
                CrossCompiler.PREFIX + "addr2line");
    }

    /** Debian's Clang with LLD. */
    public static Toolchain clang() { return clang("clang"); }

    public static Toolchain clang(String compiler) {
        return new Toolchain("clang", Kind.CLANG, compiler,
                List.of("--target=riscv32-unknown-elf", "-march=rv32im", "-mabi=ilp32"), "llvm-addr2line");
    }

    /** Flags that only the link step takes. */
    public List<String> linkOnly() { return kind == Kind.CLANG ? List.of("-fuse-ld=lld") : List.of(); }

    /**
     * {@code gcc}, {@code clang}, or {@code gcc@/path/to/riscv64-unknown-elf-gcc} /
     * {@code clang@/path/to/clang} for another build of either compiler.
     */
    public static Toolchain parse(String spec) {
        String kind = spec, path = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            kind = spec.substring(0, at);
            path = spec.substring(at + 1);
            if (path.isEmpty()) throw new IllegalArgumentException("toolchain '" + spec + "': no compiler path after '@'");
        }
        return switch (kind) {
            case "gcc" -> path == null ? gcc() : gcc(path);
            case "clang" -> path == null ? clang() : clang(path);
            default -> throw new IllegalArgumentException("unknown toolchain '" + kind + "' in '" + spec
                    + "': use gcc, clang, gcc@/path/to/gcc or clang@/path/to/clang");
        };
    }

    /** The spec {@link #parse} reads back. */
    public String spec() {
        boolean standard = kind == Kind.GCC ? compiler.equals(CrossCompiler.PREFIX + "gcc") : compiler.equals("clang");
        return standard ? name : name + "@" + compiler;
    }

    /** The command line prefix of a compile or link. */
    List<String> command() {
        List<String> c = new ArrayList<>();
        c.add(compiler);
        c.addAll(target);
        return c;
    }
}
