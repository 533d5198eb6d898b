import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Standalone-testbench helper (not part of the Maven build): runs an ELF on the golden model and
 * prints its commit trace in exactly the format of tb_main.cpp's --trace, so the RTL trace can be
 * diffed against it before the lockstep harness exists. Xseed records carry their tile row accesses
 * ({@code row ADDR rMASK wMASK DATA}, data masked by the byte masks) and the written tile
 * ({@code tile mN} and its 64 words).
 *
 * <p>usage: GoldenTrace ELF MAX_STEPS [--sync RTL_TRACE] [--window LO HI] [--entry PC]
 * <br>--sync takes mcycle/cycle read values (implementation-defined) from the RTL trace.
 * <br>--window runs in command-mode style (LAUNCH at the DRAM base, or at --entry, with that window;
 * the first trap stops).
 */
public final class GoldenTrace {
    public static void main(String[] args) throws IOException {
        Path elf = Path.of(args[0]);
        long maxSteps = Long.decode(args[1]);
        // order -> {csr address, value read by the RTL}
        TreeMap<Long, int[]> cycleReads = new TreeMap<>();
        boolean window = false;
        int lo = 0, hi = 0, entry = Memory.BASE;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--sync")) {
                for (String line : Files.readAllLines(Path.of(args[++i]))) {
                    String[] f = line.split(" ");
                    if (f.length < 3 || !f[0].matches("\\d+")) continue;
                    for (int k = 3; k + 3 < f.length; k++) {
                        if (f[k].equals("csr") && f[k + 1].matches("b00|b80|c00|c80") && f[k + 2].equals("r")) {
                            cycleReads.put(Long.parseLong(f[0]), new int[] {Integer.parseInt(f[k + 1], 16), Integer.parseUnsignedInt(f[k + 3], 16)});
                        }
                    }
                }
            } else if (args[i].equals("--entry")) {
                entry = Integer.parseUnsignedInt(args[++i].replace("0x", ""), 16);
            } else if (args[i].equals("--window")) {
                window = true;
                lo = Integer.parseUnsignedInt(args[++i].replace("0x", ""), 16);
                hi = Integer.parseUnsignedInt(args[++i].replace("0x", ""), 16);
            }
        }
        ElfImage image = ElfLoader.read(elf);
        Memory mem = new Memory(Memory.DEFAULT_BYTES);
        mem.load(image);
        Hart hart = new Hart(mem);
        if (window) hart.launch(entry, 0, 0, lo, hi);
        image.tohost().ifPresent(hart::setTohost);
        CommitLog log = new CommitLog(4096);
        hart.setCommitLog(log);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
        long steps = 0;
        StopReason stop;
        do {
            // Stop before each instruction whose RTL record read a cycle counter and give the
            // hart that implementation-defined value, as the lockstep comparator does.
            int[] now = cycleReads.get(hart.order());
            if (now != null) hart.setCsr(Csr.byAddress(now[0]), now[1]);
            Long next = cycleReads.higherKey(hart.order());
            long chunk = Math.min(4096, maxSteps - steps);
            if (next != null) chunk = Math.min(chunk, next - hart.order());
            stop = hart.run(chunk);
            for (int i = 0; i < log.size(); i++) print(out, log, i);
            steps += log.size();
            log.clear();
        } while ((stop == StopReason.BUDGET || stop == StopReason.LOG_FULL) && steps < maxSteps);
        out.write("END " + stop + " tohost=" + Integer.toHexString(hart.tohostValue()) + "\n");
        out.flush();
    }

    private static void print(BufferedWriter out, CommitLog log, int i) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(log.order(i)).append(' ').append(hex(log.pc(i))).append(' ').append(hex(log.insn(i)));
        if (log.trap(i)) s.append(" trap ").append(Integer.toUnsignedString(log.cause(i))).append(' ').append(hex(log.tval(i)));
        if (log.rdAddr(i) != 0) s.append(" x").append(log.rdAddr(i)).append('=').append(hex(log.rdWdata(i)));
        boolean xseed = (log.insn(i) & 0x7F) == 0x0B;     // custom-0: tile row accesses
        for (int k = 0; k < log.memCount(i) && xseed; k++) {
            int rmask = log.access(i, k, CommitLog.MEM_RMASK), wmask = log.access(i, k, CommitLog.MEM_WMASK);
            s.append(" row ").append(hex(log.access(i, k, CommitLog.MEM_ADDR)))
                    .append(" r").append(hex(rmask)).append(" w").append(hex(wmask)).append(' ');
            for (int w = 0; w < CommitLog.ACCESS_DATA_INTS; w++) {
                int rd = log.access(i, k, CommitLog.MEM_RDATA + w) & lanes(rmask >>> (4 * w));
                int wd = log.access(i, k, CommitLog.MEM_WDATA + w) & lanes(wmask >>> (4 * w));
                s.append(w == 0 ? "" : ".").append(hex(rd | wd));
            }
        }
        for (int k = 0; k < log.memCount(i) && !xseed; k++) {
            s.append(" mem ").append(hex(log.access(i, k, CommitLog.MEM_ADDR)))
                    .append(" r").append(Integer.toHexString(log.access(i, k, CommitLog.MEM_RMASK)))
                    .append(' ').append(hex(log.access(i, k, CommitLog.MEM_RDATA)))
                    .append(" w").append(Integer.toHexString(log.access(i, k, CommitLog.MEM_WMASK)))
                    .append(' ').append(hex(log.access(i, k, CommitLog.MEM_WDATA)));
        }
        int flags = log.flags(i);
        if ((flags & (CommitLog.FLAG_CSR_READ | CommitLog.FLAG_CSR_WRITE)) != 0) {
            s.append(" csr ").append(String.format("%03x", log.csrAddr(i)));
            if ((flags & CommitLog.FLAG_CSR_READ) != 0) s.append(" r ").append(hex(log.csrRdata(i)));
            if ((flags & CommitLog.FLAG_CSR_WRITE) != 0) s.append(" w ").append(hex(log.csrWdata(i)));
        }
        if ((flags & CommitLog.FLAG_TILE_WRITE) != 0) {
            s.append(" tile m").append(log.tileIndex(i)).append(' ');
            for (int w = 0; w < CommitLog.TILE_INTS; w++) s.append(hex(log.tileWord(i, w)));
        }
        s.append(" -> ").append(hex(log.pcNext(i))).append('\n');
        out.write(s.toString());
    }

    private static String hex(int v) { return String.format("%08x", v); }

    /** Bit mask of the byte lanes selected by the low 4 bits of {@code nibble}. */
    private static int lanes(int nibble) {
        int m = 0;
        for (int b = 0; b < 4; b++) if (((nibble >> b) & 1) != 0) m |= 0xFF << (8 * b);
        return m;
    }
}
