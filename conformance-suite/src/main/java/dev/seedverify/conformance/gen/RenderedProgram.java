package dev.seedverify.conformance.gen;

import dev.seedverify.golden.elf.ElfImage;

/**
 * A {@link Program} rendered: its assembly (which {@link dev.seedverify.golden.asm.Assembler}
 * assembles to exactly {@link #image()}'s bytes) and the image, with the pc range of every body op.
 */
public final class RenderedProgram {
    private final Program program;
    private volatile String assembly;
    private final ElfImage image;
    private final int[] opStart;
    private final int[] opEnd;
    private final int bodyInstructions;
    private final int codeEnd;

    RenderedProgram(Program program, String assembly, ElfImage image, int[] opStart, int[] opEnd, int bodyInstructions, int codeEnd) {
        this.program = program;
        this.assembly = assembly;
        this.image = image;
        this.opStart = opStart;
        this.opEnd = opEnd;
        this.bodyInstructions = bodyInstructions;
        this.codeEnd = codeEnd;
    }

    public Program program() { return program; }

    /** The commented assembly (rendered on first use when the program was rendered image-only). */
    public String assembly() {
        String a = assembly;
        if (a == null) assembly = a = ProgramRenderer.render(program).assembly();
        return a;
    }

    public ElfImage image() { return image; }

    /** The bytes the image puts in [0x8000_0000, tohost + 8), gaps as zeros (what an assembled copy must equal). */
    public byte[] memoryBytes() { return memoryBytes(image); }

    /** The bytes {@code image} loads into [{@link Layout#CODE_BASE}, end of its last segment), gaps as zeros. */
    public static byte[] memoryBytes(ElfImage image) {
        long end = 0;
        for (ElfImage.LoadSegment s : image.segments()) end = Math.max(end, Integer.toUnsignedLong(s.address()) + s.memorySize());
        byte[] out = new byte[(int) (end - Integer.toUnsignedLong(Layout.CODE_BASE))];
        for (ElfImage.LoadSegment s : image.segments()) System.arraycopy(s.data(), 0, out, s.address() - Layout.CODE_BASE, s.data().length);
        return out;
    }

    /** Instruction words the body renders to (prologue, epilogue and handler not counted). */
    public int bodyInstructions() { return bodyInstructions; }

    /** The first address after the code (handler included). */
    public int codeEnd() { return codeEnd; }

    /** The body op whose instructions include {@code pc}, or -1 (prologue, epilogue, handler, data). */
    public int opAt(int pc) {
        for (int i = 0; i < opStart.length; i++) {
            if (opStart[i] != opEnd[i] && Integer.compareUnsigned(pc, opStart[i]) >= 0 && Integer.compareUnsigned(pc, opEnd[i]) < 0) return i;
        }
        return -1;
    }

    /** Address of op {@code i}'s first instruction (equal to {@link #opEnd} when it renders nothing). */
    public int opStart(int i) { return opStart[i]; }

    public int opEnd(int i) { return opEnd[i]; }

    @Override
    public String toString() { return "RenderedProgram[" + program + ", " + bodyInstructions + " body instructions]"; }
}
