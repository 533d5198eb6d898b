package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.asm.AssemblyException;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A replayable sequence of host actions on a chip in command mode: the form of the device
 * suite's generated cases and of their reproducers. One action per line ({@link HostAction#text});
 * a kernel is a block of assembly between {@code kernel ADDRESS} and {@code end}; {@code #} starts
 * a comment.
 *
 * <pre>
 * reset
 * mmio-write CQ_BASE 0x80000000
 * mmio-write CQ_ENTRIES 0x00000004
 * kernel 0x80010000
 *     li a0, 5
 *     ecall
 * end
 * descriptor 0x80000000 00010001 80010000 00000000 00000000 80010000 80010800 00000064 80001000   # LAUNCH ...
 * mmio-write CQ_TAIL 0x00000001
 * run
 * read 0x80001000 16
 * </pre>
 *
 * Run against a {@code lockstep} backend, every record, event, DRAM image and quiescent read is
 * compared; a difference is thrown as a {@link dev.seedverify.cosim.DivergenceException}.
 */
public record HostScript(List<HostAction> actions) {
    /** Instruction and event records one {@code run} may see before the chip counts as not going idle. */
    public static final long RUN_RECORD_LIMIT = 4_000_000;

    public HostScript {
        actions = List.copyOf(actions);
    }

    /** Thrown for script text that does not parse, or a run that does not end. */
    public static final class ScriptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ScriptException(String message) { super(message); }
    }

    /** What a run of the script produced. */
    public record Outcome(long instructions, long completions, long dmaWrites) {}

    public String text() {
        StringBuilder s = new StringBuilder();
        for (HostAction a : actions) s.append(a.text()).append('\n');
        return s.toString();
    }

    /** Actions other than kernels count one each; a kernel counts its instructions. */
    public int size() { return actions.size(); }

    // ------------------------------------------------------------------ running

    /** Applies every action to {@code chip} in order (the first must usually be a reset). */
    public Outcome run(Backend chip) {
        CommitLog log = new CommitLog(4096);
        long[] counts = new long[3];
        for (HostAction a : actions) apply(chip, a, log, counts);
        return new Outcome(counts[0], counts[1], counts[2]);
    }

    private static void apply(Backend chip, HostAction a, CommitLog log, long[] counts) {
        if (a instanceof HostAction.Reset) {
            chip.resetCommand();
        } else if (a instanceof HostAction.MmioWrite w) {
            chip.mmioWrite(w.register().offset(), w.value());
        } else if (a instanceof HostAction.MmioRead r) {
            chip.mmioRead(r.register().offset());
        } else if (a instanceof HostAction.HostWrite w) {
            chip.hostWrite(w.address(), w.data(), 0, w.data().length);
        } else if (a instanceof HostAction.WriteDescriptor d) {
            byte[] b = d.descriptor().toBytes();
            chip.hostWrite(d.address(), b, 0, b.length);
        } else if (a instanceof HostAction.HostRead r) {
            chip.hostRead(r.address(), r.length());
        } else if (a instanceof HostAction.Kernel k) {
            for (ElfImage.LoadSegment s : assemble(k).segments()) {
                byte[] bytes = Arrays.copyOf(s.data(), s.memorySize());
                chip.hostWrite(s.address(), bytes, 0, bytes.length);
            }
        } else if (a instanceof HostAction.Run) {
            runUntilIdle(chip, log, counts);
        } else if (a instanceof HostAction.Step st) {
            log.clear();
            chip.advance(log, Math.max(1, Math.min(st.records(), log.capacity())));
            count(log, counts);
        } else if (a instanceof HostAction.Irq) {
            chip.irq();
        } else {
            throw new AssertionError(a);
        }
    }

    private static void runUntilIdle(Backend chip, CommitLog log, long[] counts) {
        long seen = 0;
        Backend.Status s;
        do {
            if (seen > RUN_RECORD_LIMIT) throw new ScriptException("the device did not go idle within " + RUN_RECORD_LIMIT + " records");
            log.clear();
            s = chip.advance(log, log.capacity());
            seen += log.size();
            count(log, counts);
        } while (s != Backend.Status.IDLE);
    }

    private static void count(CommitLog log, long[] counts) {
        for (int i = 0; i < log.size(); i++) {
            if (!log.isEvent(i)) counts[0]++;
            else if (log.field(i, CommitLog.EV_KIND) == DeviceEvent.COMPLETION.code()) counts[1]++;
            else counts[2]++;
        }
    }

    static ElfImage assemble(HostAction.Kernel k) {
        try {
            return Assembler.assemble(k.source(), String.format("kernel@%08x", k.address()), k.address());
        } catch (AssemblyException e) {
            throw new ScriptException(String.format("kernel at 0x%08x does not assemble: %s", k.address(), e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ parsing

    /** Parses script text ({@link #text()}'s form; comments and blank lines ignored). */
    public static HostScript parse(String text) {
        List<HostAction> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = strip(lines[i]);
            if (line.isEmpty()) continue;
            int at = i;
            String[] t = line.split("\\s+");
            try {
                switch (t[0]) {
                    case "reset" -> out.add(new HostAction.Reset());
                    case "run" -> out.add(new HostAction.Run());
                    case "irq" -> out.add(new HostAction.Irq());
                    case "step" -> out.add(new HostAction.Step(Integer.parseInt(t[1])));
                    case "mmio-write" -> out.add(new HostAction.MmioWrite(register(t[1]), number(t[2])));
                    case "mmio-read" -> out.add(new HostAction.MmioRead(register(t[1])));
                    case "read" -> out.add(new HostAction.HostRead(number(t[1]), Integer.parseInt(t[2])));
                    case "write" -> out.add(new HostAction.HostWrite(number(t[1]), HexFormat.of().parseHex(t[2])));
                    case "descriptor" -> {
                        if (t.length != 2 + DeviceTable.DESCRIPTOR_WORDS) throw new ScriptException("a descriptor has 8 words");
                        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
                        for (int k = 0; k < w.length; k++) w[k] = Integer.parseUnsignedInt(t[2 + k], 16);
                        out.add(new HostAction.WriteDescriptor(number(t[1]), Descriptor.of(w)));
                    }
                    case "kernel" -> {
                        int address = number(t[1]);
                        List<String> body = new ArrayList<>();
                        while (true) {
                            if (++i >= lines.length) throw new ScriptException("kernel without 'end'");
                            String b = strip(lines[i]);
                            if (b.equals("end")) break;
                            if (!b.isEmpty()) body.add(b);
                        }
                        out.add(new HostAction.Kernel(address, body));
                    }
                    default -> throw new ScriptException("unknown action '" + t[0] + "'");
                }
            } catch (ScriptException e) {
                throw new ScriptException("line " + (at + 1) + ": " + e.getMessage() + ": " + lines[at].strip());
            } catch (RuntimeException e) {
                throw new ScriptException("line " + (at + 1) + ": cannot parse '" + lines[at].strip() + "': " + e);
            }
        }
        return new HostScript(out);
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static MmioRegister register(String name) {
        try {
            return MmioRegister.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScriptException("no register " + name + " (registers: " + Arrays.toString(MmioRegister.values()) + ")");
        }
    }

    private static int number(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseUnsignedInt(s.substring(2), 16) : Integer.parseInt(s);
    }
}
