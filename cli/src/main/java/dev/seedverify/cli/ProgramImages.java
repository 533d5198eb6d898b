package dev.seedverify.cli;

import dev.seedverify.golden.asm.AssemblyException;
import dev.seedverify.golden.cli.RunProgram;
import dev.seedverify.golden.elf.ElfFormatException;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.toolchain.ToolchainException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A program file as an image to run: an ELF, assembly ({@code .S}) or C (built with the S1 runtime). */
final class ProgramImages {
    private ProgramImages() {}

    /** @throws BadInputException for a missing file, a bad ELF, an assembly or compile error */
    static ElfImage load(Path program) {
        try {
            return RunProgram.load(program);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + program);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + program + ": " + e.getMessage(), e);
        } catch (ElfFormatException | AssemblyException | ToolchainException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** A DRAM size option. */
    static int dram(String size) {
        try {
            return RunProgram.parseSize(size);
        } catch (IllegalArgumentException e) {
            throw new SeedVerify.UsageException("--dram: " + e.getMessage());
        }
    }
}
