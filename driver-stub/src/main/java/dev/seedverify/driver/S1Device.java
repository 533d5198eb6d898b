package dev.seedverify.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Disassembler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The host driver of one S1 (spec §4), over a {@link Backend}'s bus only: MMIO registers, the host
 * memory port and {@code irq}. The API of an accelerator runtime: device memory
 * ({@link #alloc}, {@link #free}, {@link #write}, {@link #read}), kernels ({@link #load}, {@link #launch}),
 * DMA ({@link #copy}, {@link #fill}) and an asynchronous command queue over the ring
 * ({@link #submit}, {@link #wait}, {@link #finish}). Results are values; a command that fails raises
 * the exception of its status, and a request the driver refuses raises {@link InvalidRequestException}
 * before anything reaches the device, with the device and the driver unchanged.
 *
 * <p>The driver owns the simulated time: the device runs only while the driver waits (advancing
 * the backend). It polls the bus every {@link DeviceOptions#pollRecords} device records, so several
 * commands may complete between two polls, as on a real bus. Memory layout: the ring and the
 * completion slots (one per ring entry) are the first two allocations, at the bottom of DRAM, so no
 * launch window derived from user allocations ever covers them.
 *
 * <p>Used on the thread that opened it (an RTL backend runs only there).
 */
public final class S1Device implements AutoCloseable {
    private static final int LOG_RECORDS = 1024;
    /** The largest LAUNCH budget: the descriptor field is an unsigned word (0 would mean 2^24, so the driver always writes the budget itself). */
    public static final long MAX_BUDGET = 0xFFFF_FFFFL;

    private final Backend chip;
    private final BusMonitor monitor;
    private final boolean ownsBackend;
    private final DeviceOptions options;
    private final DriverBug bug;
    private final Allocator allocator;
    private final Map<Long, DeviceMemory> live = new LinkedHashMap<>();
    private long nextMemoryId = 1;
    private final int ringBase, compBase, entries;
    private int tail;
    private long nextSequence = 1;
    private int doneSeen;
    private final Deque<Submission> outstanding = new ArrayDeque<>();
    /** Submissions whose result the caller has not taken with {@link #wait}. */
    private final List<Submission> unclaimed = new ArrayList<>();
    private final CommitLog log = new CommitLog(LOG_RECORDS);
    /**
     * The device's trace of the faulting instruction: for the k-th COMPLETION event since open (k
     * mod entries), the pc and instruction word of the last instruction record before it (pc -1:
     * none). An RTL device may complete a command (DONE_COUNT) before {@link Backend#advance}
     * delivered its event; such a submission waits in {@link #awaitingTrace} for it.
     */
    private final long[] traceOrdinal;
    private final int[] tracePc, traceInsn;
    private long eventsSeen, collected;
    private final Map<Long, Submission> awaitingTrace = new java.util.HashMap<>();
    private int lastPc = -1, lastInsn;
    private int recordsSincePoll;
    private boolean closed;

    private S1Device(Backend backend, boolean ownsBackend, DeviceOptions options) {
        Objects.requireNonNull(options, "options");
        int n = options.ringEntries();
        if (n < 2 || n > DeviceTable.RING_MAX_ENTRIES || Integer.bitCount(n) != 1) {
            throw new InvalidRequestException(InvalidRequestException.Reason.BAD_RING, "ring entries must be a power of two in 2.."
                    + DeviceTable.RING_MAX_ENTRIES + ", not " + n + (n == 1 ? " (in a ring of one entry head == tail always: it can never hold a command)" : ""));
        }
        if (options.pollRecords() < 1) throw new InvalidRequestException(InvalidRequestException.Reason.BAD_ARGUMENT, "pollRecords must be positive");
        if (options.timeoutRecords() < 1) throw new InvalidRequestException(InvalidRequestException.Reason.BAD_ARGUMENT, "timeoutRecords must be positive");
        this.options = options;
        this.bug = options.bug();
        this.ownsBackend = ownsBackend;
        this.monitor = options.monitor() ? new BusMonitor(backend, true) : null;
        this.chip = monitor != null ? monitor : backend;
        this.entries = n;
        this.allocator = new Allocator(Integer.toUnsignedLong(Memory.BASE), backend.dramBytes(), bug);
        long ring = allocator.allocate((long) n * DeviceTable.DESCRIPTOR_BYTES, DeviceTable.RING_ALIGN);
        long comp = ring < 0 ? -1 : allocator.allocate((long) n * DeviceTable.COMPLETION_BYTES, DeviceTable.COMPLETION_ALIGN);
        if (ring < 0 || comp < 0) {
            throw new InvalidRequestException(InvalidRequestException.Reason.BAD_RING, "a ring of " + n + " entries and its completion slots do not fit "
                    + backend.dramBytes() + " bytes of DRAM");
        }
        this.ringBase = (int) ring;
        this.compBase = (int) comp;
        this.traceOrdinal = new long[n];
        java.util.Arrays.fill(traceOrdinal, -1);
        this.tracePc = new int[n];
        this.traceInsn = new int[n];
        action("open");
        chip.resetCommand();
        int id = chip.mmioRead(MmioRegister.ID.offset());
        if (id != DeviceTable.ID_VALUE) {
            throw new DeviceProtocolException(String.format("%s: ID reads 0x%08x, not the S1's 0x%08x", backend.name(), id, DeviceTable.ID_VALUE));
        }
        chip.mmioWrite(MmioRegister.CQ_BASE.offset(), ringBase);
        chip.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), n);
        if ((chip.mmioRead(MmioRegister.STATUS.offset()) & DeviceTable.STATUS_QERR) != 0) {
            throw new DeviceProtocolException(String.format("%s: the ring at 0x%08x with %d entries left QERR set", backend.name(), ringBase, n));
        }
        if (options.waitMode() == WaitMode.IRQ) chip.mmioWrite(MmioRegister.IRQ_ENABLE.offset(), DeviceTable.IRQ_MASK);
        doneSeen = chip.mmioRead(MmioRegister.DONE_COUNT.offset());
    }

    /** Opens backend {@code name} ({@code golden}, {@code rtl}, a lockstep pair, ...) with the default options. */
    public static S1Device open(String backendName) { return open(backendName, DeviceOptions.defaults()); }

    /** Opens backend {@code name} with {@code options}; closing the device closes the backend. */
    public static S1Device open(String backendName, DeviceOptions options) {
        Backend b = Backends.open(backendName, options.dramBytes());
        try {
            return new S1Device(b, true, options);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /** Drives {@code backend} (reset into command mode now); closing the device leaves the backend open. */
    public static S1Device open(Backend backend, DeviceOptions options) { return new S1Device(backend, false, options); }

    // ------------------------------------------------------------------ information

    public String backendName() { return chip.name(); }

    public DeviceOptions options() { return options; }

    public int ringEntries() { return entries; }

    /** Device address of the command ring. */
    public int ringBase() { return ringBase; }

    /** The bus monitor watching this driver, if it was opened with one. */
    public java.util.Optional<BusMonitor> monitor() { return java.util.Optional.ofNullable(monitor); }

    /** The live allocations (the ring's excluded), in allocation order. */
    public List<DeviceMemory> allocations() { return List.copyOf(live.values()); }

    public long freeBytes() { return allocator.freeBytes(); }

    public long largestFreeBlock() { return allocator.largestHole(); }

    /** Commands submitted and not yet collected, oldest first. */
    public List<Submission> outstanding() { return List.copyOf(outstanding); }

    // ------------------------------------------------------------------ memory

    /** Allocates {@code bytes} of device memory aligned to 16 bytes. */
    public DeviceMemory alloc(long bytes) { return alloc(bytes, 16); }

    /**
     * Allocates {@code bytes} of device memory at a multiple of {@code alignment} (a power of two).
     *
     * @throws InvalidRequestException     for a size below 1 or an alignment that is not a power of two
     * @throws OutOfDeviceMemoryException  when no free block fits
     */
    public DeviceMemory alloc(long bytes, int alignment) {
        begin("alloc " + bytes + " align " + alignment);
        if (bytes == 0) throw invalid(InvalidRequestException.Reason.ZERO_SIZE, "alloc: size 0");
        if (bytes < 0) throw invalid(InvalidRequestException.Reason.NEGATIVE_SIZE, "alloc: negative size " + bytes);
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw invalid(InvalidRequestException.Reason.BAD_ALIGNMENT, "alloc: alignment " + alignment + " is not a power of two");
        }
        long at = bytes > Integer.MAX_VALUE ? -1 : allocator.allocate(bytes, alignment);
        if (at < 0) throw new OutOfDeviceMemoryException(bytes, alignment, allocator.freeBytes(), allocator.largestHole());
        DeviceMemory m = new DeviceMemory(this, nextMemoryId++, (int) at, (int) bytes, alignment);
        live.put(m.id(), m);
        return m;
    }

    /** Frees {@code memory}, after the commands still using it completed. */
    public void free(DeviceMemory memory) {
        begin("free " + memory);
        if (memory != null && memory.owner == this && !live.containsKey(memory.id())) {
            throw invalid(InvalidRequestException.Reason.DOUBLE_FREE, "free: " + memory + " was already freed");
        }
        requireLive(memory, "free");
        settleUsersOf(memory.address(), memory.end());
        allocator.release(Integer.toUnsignedLong(memory.address()));
        live.remove(memory.id());
    }

    /** Writes {@code data} at {@code offset} of {@code memory}, after the commands using that range completed. */
    public void write(DeviceMemory memory, int offset, byte[] data) {
        begin("write " + (data == null ? "null" : data.length + " bytes") + " to " + memory + "+" + offset);
        Objects.requireNonNull(data, "data");
        requireRange(memory, offset, data.length, "write");
        long start = Integer.toUnsignedLong(memory.address()) + offset;
        settleUsersOf(start, start + data.length);
        chip.hostWrite(memory.address() + offset, data, 0, data.length);
    }

    /** Reads {@code length} bytes at {@code offset} of {@code memory}, after the commands using that range completed. */
    public byte[] read(DeviceMemory memory, int offset, int length) {
        begin("read " + length + " bytes from " + memory + "+" + offset);
        requireRange(memory, offset, length, "read");
        long start = Integer.toUnsignedLong(memory.address()) + offset;
        settleUsersOf(start, start + length);
        return chip.hostRead(memory.address() + offset, length);
    }

    /** The little-endian word at {@code offset} of {@code memory}. */
    public int readInt(DeviceMemory memory, int offset) {
        byte[] b = read(memory, offset, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | b[3] << 24;
    }

    /** Writes little-endian words at {@code offset} of {@code memory}. */
    public void writeInts(DeviceMemory memory, int offset, int... words) {
        byte[] b = new byte[4 * words.length];
        for (int i = 0; i < words.length; i++) {
            int v = words[i];
            b[4 * i] = (byte) v;
            b[4 * i + 1] = (byte) (v >>> 8);
            b[4 * i + 2] = (byte) (v >>> 16);
            b[4 * i + 3] = (byte) (v >>> 24);
        }
        write(memory, offset, b);
    }

    // ------------------------------------------------------------------ kernels

    /**
     * Loads a kernel: allocates the span of its segments (64-byte aligned), writes the segments at
     * their offsets from the lowest one (zero-filling their uninitialised parts) and relocates the
     * entry and the symbols by the same amount. The code must be position-independent (RISC-V
     * branches, jumps and auipc are), as the kernels of the LAUNCH ABI are.
     */
    public LoadedKernel load(ElfImage image) {
        begin("load " + (image == null ? "null" : image.name()));
        Objects.requireNonNull(image, "image");
        if (image.segments().isEmpty()) throw invalid(InvalidRequestException.Reason.BAD_ARGUMENT, "load: " + image.name() + " has no loadable segment");
        long low = Long.MAX_VALUE, high = Long.MIN_VALUE;
        for (ElfImage.LoadSegment s : image.segments()) {
            low = Math.min(low, s.startAddress());
            high = Math.max(high, s.endAddress());
        }
        long entry = Integer.toUnsignedLong(image.entry());
        if (entry < low || entry + 4 > high) {
            throw invalid(InvalidRequestException.Reason.OUT_OF_RANGE, String.format("load: entry 0x%08x of %s lies outside its segments", entry, image.name()));
        }
        DeviceMemory m = alloc(high - low, 64);
        begin("load " + image.name());
        byte[] bytes = new byte[(int) (high - low)];
        for (ElfImage.LoadSegment s : image.segments()) System.arraycopy(s.data(), 0, bytes, (int) (s.startAddress() - low), s.data().length);
        chip.hostWrite(m.address(), bytes, 0, bytes.length);
        long shift = Integer.toUnsignedLong(m.address()) - low;
        Map<String, Integer> symbols = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : image.symbols().entrySet()) {
            long a = Integer.toUnsignedLong(e.getValue());
            if (a >= low && a <= high) symbols.put(e.getKey(), (int) (a + shift));
        }
        return new LoadedKernel(image.name(), m, (int) (entry + shift), symbols);
    }

    // ------------------------------------------------------------------ commands, synchronous

    /** Launches and waits: the kernel's result, or the exception of its status. */
    public CommandResult launch(Launch launch) { return wait(submit(Command.launch(launch))); }

    public CommandResult copy(DeviceMemory dst, int dstOffset, DeviceMemory src, int srcOffset, int length) {
        return wait(submit(Command.copy(dst, dstOffset, src, srcOffset, length)));
    }

    public CommandResult fill(DeviceMemory dst, int offset, int length, int pattern) { return wait(submit(Command.fill(dst, offset, length, pattern))); }

    public CommandResult nop() { return wait(submit(Command.nop())); }

    // ------------------------------------------------------------------ the queue

    /**
     * Puts {@code command} on the ring and rings the doorbell. When the ring is full it first waits
     * (up to the timeout) for the device to consume an entry; it never overwrites one.
     */
    public Submission submit(Command command) {
        begin("submit " + command);
        Objects.requireNonNull(command, "command");
        Prepared p = prepare(command);
        if (outstanding.size() >= entries - 1) {
            Submission oldest = outstanding.peekFirst();
            pumpUntil(oldest, options.timeoutRecords(), "the ring is full and " + oldest + " does not complete");
            begin("submit " + command);
        }
        for (Submission s : new ArrayList<>(outstanding)) {
            if (p.argWords != null && s.touches(Integer.toUnsignedLong(p.argBlock.address()), p.argBlock.end())) {
                pumpUntil(s, options.timeoutRecords(), "the argument block is in use by " + s);
                begin("submit " + command);
            }
        }
        if (p.argWords != null) {
            byte[] b = new byte[4 * p.argWords.length];
            for (int i = 0; i < p.argWords.length; i++) for (int k = 0; k < 4; k++) b[4 * i + k] = (byte) (p.argWords[i] >>> (8 * k));
            if (b.length > 0) chip.hostWrite(p.argBlock.address(), b, 0, b.length);
        }
        long seq = nextSequence++;
        int index = tail;
        int tag = (int) seq & DeviceTable.HEADER_TAG_MASK;
        int comp = compBase + DeviceTable.COMPLETION_BYTES * index;
        Descriptor d = p.descriptor(tag, comp);
        if (bug == DriverBug.FLAG_BIT_IN_FILL && d.opcode() == dev.seedverify.golden.device.Opcode.FILL) {
            d = d.with(DeviceTable.DESC_W_HEADER, d.word(DeviceTable.DESC_W_HEADER) | 1 << DeviceTable.HEADER_FLAGS_SHIFT);
        }
        int newTail = bug == DriverBug.RING_WRAP_OFF_BY_ONE ? (tail + 1) % (entries + 1) : (tail + 1) & (entries - 1);
        byte[] db = d.toBytes();
        int slot = ringBase + DeviceTable.DESCRIPTOR_BYTES * index;
        Submission s = new Submission(this, seq, tag, index % entries, comp, command.toString(), p.ranges);
        if (bug == DriverBug.TAIL_BEFORE_DESCRIPTOR) {
            chip.mmioWrite(MmioRegister.CQ_TAIL.offset(), newTail);
            chip.hostWrite(slot, db, 0, db.length);
        } else {
            chip.hostWrite(slot, db, 0, db.length);
            if (!(bug == DriverBug.MISSING_DOORBELL && newTail == 0)) chip.mmioWrite(MmioRegister.CQ_TAIL.offset(), newTail);
        }
        tail = newTail;
        outstanding.addLast(s);
        unclaimed.add(s);
        return s;
    }

    /** Waits for {@code submission} with the device's default timeout. */
    public CommandResult wait(Submission submission) { return wait(submission, options.timeoutRecords()); }

    /**
     * Waits until {@code submission} completed, letting at most {@code timeoutRecords} device
     * records pass: its result, or the exception of its status.
     *
     * @throws DeviceTimeoutException when it did not complete in time (it stays outstanding) or the device went idle without it
     */
    public CommandResult wait(Submission submission, long timeoutRecords) {
        begin("wait " + submission);
        requireSubmission(submission);
        if (timeoutRecords < 1) throw invalid(InvalidRequestException.Reason.BAD_ARGUMENT, "wait: timeout of " + timeoutRecords + " records");
        try {
            pumpUntil(submission, timeoutRecords, submission + " did not complete");
        } catch (DeviceTimeoutException e) {
            if (bug == DriverBug.TIMEOUT_LOSES_COMPLETION) {
                outstanding.remove(submission);
                submission.drop();
            }
            throw e;
        }
        unclaimed.remove(submission);
        return resultOf(submission);
    }

    /**
     * Waits until every command submitted so far completed and returns those whose results the
     * caller has not taken yet (with {@link #wait}), in submission order. Their statuses are not
     * raised here: {@link #wait} on each gives its result or exception.
     */
    public List<Submission> finish() {
        begin("finish");
        for (Submission s : new ArrayList<>(outstanding)) pumpUntil(s, options.timeoutRecords(), s + " did not complete");
        List<Submission> out = new ArrayList<>(unclaimed);
        return out;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (ownsBackend) chip.close();
    }

    // ------------------------------------------------------------------ results

    private CommandResult resultOf(Submission s) {
        Completion c = s.completion();
        CompletionStatus st = c.statusEnum();
        if (st == null) throw new DeviceProtocolException(s + " completed with undefined status " + c.status() + ": " + c);
        return switch (st) {
            case OK -> new CommandResult(s, c);
            case BAD_COMMAND -> throw new BadCommandException(s, c);
            case BAD_ADDRESS -> throw new BadAddressException(s, c);
            case WATCHDOG -> throw new WatchdogException(s, c);
            case TRAP -> {
                awaitTrace(s);
                throw new KernelTrapException(s, c, s.trapPc(), s.trapPc() == -1 ? "?" : disassemble(s));
            }
        };
    }

    private String disassemble(Submission s) {
        try {
            return Disassembler.disassemble(s.trapInsn(), s.trapPc());
        } catch (RuntimeException e) {
            return String.format(".word 0x%08x", s.trapInsn());
        }
    }

    // ------------------------------------------------------------------ running the device

    /** Runs the device on until the trace of {@code s}'s completion arrived (it completed: its event must follow). */
    private void awaitTrace(Submission s) {
        long spent = 0;
        while (!s.traced() && spent < options.timeoutRecords()) {
            Backend.Status st = chip.advance(log, LOG_RECORDS);
            spent += log.size();
            scanRecords();
            if (st == Backend.Status.IDLE && !s.traced()) break;
        }
    }

    /** Collects completions until {@code s} is done (without raising its status). */
    private void pumpUntil(Submission s, long timeoutRecords, String what) {
        long spent = 0;
        while (!s.isDone()) {
            if (s.dropped()) throw new DeviceTimeoutException(what + ": the driver gave it up at an earlier timeout");
            if (spent >= timeoutRecords) {
                throw new DeviceTimeoutException(what + " within " + timeoutRecords + " device records (it stays outstanding)");
            }
            int chunk = (int) Math.min(Math.min(LOG_RECORDS, options.pollRecords() - recordsSincePoll), timeoutRecords - spent);
            Backend.Status st = chip.advance(log, Math.max(1, chunk));
            int n = log.size();
            scanRecords();
            spent += n;
            recordsSincePoll += n;
            boolean idle = st == Backend.Status.IDLE;
            if (idle || recordsSincePoll >= options.pollRecords() || spent >= timeoutRecords) {
                recordsSincePoll = 0;
                poll();
            }
            if (idle && !s.isDone()) {
                throw new DeviceTimeoutException(String.format("%s: the device stopped responding (idle with %d commands outstanding; CQ_HEAD %d, CQ_TAIL %d, DONE_COUNT %d)",
                        what, outstanding.size(), chip.mmioRead(MmioRegister.CQ_HEAD.offset()), tail, doneSeen));
            }
        }
    }

    /** Notes the last instruction before each completion event (the faulting one of a TRAP). */
    private void scanRecords() {
        for (int i = 0; i < log.size(); i++) {
            if (log.isEvent(i)) {
                if (DeviceEvent.of(log.field(i, CommitLog.EV_KIND)) == DeviceEvent.COMPLETION) {
                    long k = eventsSeen++;
                    Submission waiting = awaitingTrace.remove(k);
                    if (waiting != null) {
                        waiting.trace(lastPc, lastInsn);
                    } else {
                        int at = (int) (k & (entries - 1));
                        traceOrdinal[at] = k;
                        tracePc[at] = lastPc;
                        traceInsn[at] = lastInsn;
                    }
                    lastPc = -1;
                }
            } else {
                lastPc = log.field(i, CommitLog.PC);
                lastInsn = log.field(i, CommitLog.INSN);
            }
        }
        log.clear();
    }

    /** One look at the bus: how many commands completed since the last look, and their records. */
    private void poll() {
        if (bug == DriverBug.COMPLETION_READ_BEFORE_DONE && !outstanding.isEmpty()) {
            chip.hostRead(outstanding.peekFirst().completionAddress(), DeviceTable.COMPLETION_BYTES);
        }
        if (options.waitMode() == WaitMode.IRQ) {
            if (!chip.irq()) return;
            chip.mmioWrite(MmioRegister.IRQ_STATUS.offset(), DeviceTable.IRQ_MASK);
        }
        int done = chip.mmioRead(MmioRegister.DONE_COUNT.offset());
        int fresh = done - doneSeen;
        if (fresh < 0 || fresh > outstanding.size()) {
            throw new DeviceProtocolException(String.format("DONE_COUNT moved from %d to %d with %d commands outstanding", doneSeen, done, outstanding.size()));
        }
        doneSeen = done;
        List<Submission> batch = new ArrayList<>();
        for (int k = 0; k < fresh; k++) batch.add(outstanding.pollFirst());
        List<Completion> records = new ArrayList<>();
        for (Submission s : batch) records.add(Completion.fromBytes(chip.hostRead(s.completionAddress(), DeviceTable.COMPLETION_BYTES), 0));
        if (bug == DriverBug.COMPLETION_TO_WRONG_SUBMISSION) Collections.reverse(records);
        for (int k = 0; k < batch.size(); k++) {
            Submission s = batch.get(k);
            Completion c = records.get(k);
            if (bug != DriverBug.COMPLETION_TO_WRONG_SUBMISSION && c.tag() != s.tag()) {
                throw new DeviceProtocolException(s + ": its completion record carries tag " + c.tag() + ", not " + s.tag() + ": " + c);
            }
            s.complete(c);
            long ordinal = collected++;
            int at = (int) (ordinal & (entries - 1));
            if (traceOrdinal[at] == ordinal) s.trace(tracePc[at], traceInsn[at]);
            else awaitingTrace.put(ordinal, s);
        }
    }

    /** Completes (without raising their statuses) the outstanding commands that touch [start, end). */
    private void settleUsersOf(long start, long end) {
        Submission last = null;
        for (Submission s : outstanding) if (s.touches(start, end)) last = s;
        if (last != null) pumpUntil(last, options.timeoutRecords(), "host access waits for " + last);
    }

    // ------------------------------------------------------------------ checking requests

    /** A command checked and turned into descriptor fields (nothing written yet). */
    private record Prepared(Command command, int[] fields, long[] ranges, DeviceMemory argBlock, int[] argWords) {
        Descriptor descriptor(int tag, int comp) {
            if (command instanceof Command.LaunchKernel) {
                return Descriptor.launch(tag, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], comp);
            }
            if (command instanceof Command.Copy) return Descriptor.copy(tag, fields[0], fields[1], fields[2], comp);
            if (command instanceof Command.Fill) return Descriptor.fill(tag, fields[0], fields[1], fields[2], comp);
            return Descriptor.nop(tag, comp);
        }
    }

    private Prepared prepare(Command command) {
        if (command instanceof Command.Copy c) {
            requireRange(c.src(), c.srcOffset(), c.length(), "copy source");
            requireRange(c.dst(), c.dstOffset(), c.length(), "copy destination");
            int src = c.src().address() + c.srcOffset(), dst = c.dst().address() + c.dstOffset();
            return new Prepared(command, new int[] {src, dst, c.length()}, new long[] {u(src), u(src) + c.length(), u(dst), u(dst) + c.length()}, null, null);
        }
        if (command instanceof Command.Fill f) {
            requireRange(f.dst(), f.offset(), f.length(), "fill");
            int dst = f.dst().address() + f.offset();
            return new Prepared(command, new int[] {dst, f.length(), f.pattern()}, new long[] {u(dst), u(dst) + f.length()}, null, null);
        }
        if (command instanceof Command.Nop) return new Prepared(command, new int[0], new long[0], null, null);
        Launch l = ((Command.LaunchKernel) command).launch();
        if (l.kernel().memory().owner != this) throw invalid(InvalidRequestException.Reason.FOREIGN_HANDLE, "launch: " + l.kernel() + " was loaded on another device");
        requireLive(l.kernel().memory(), "launch kernel");
        if (l.argBlock() == null) throw invalid(InvalidRequestException.Reason.BAD_ARGUMENT, "launch: no argument block (Launch.args)");
        if (l.stack() == null) throw invalid(InvalidRequestException.Reason.BAD_ARGUMENT, "launch: no stack (Launch.stack)");
        requireLive(l.argBlock(), "launch argument block");
        requireLive(l.stack(), "launch stack");
        if ((long) 4 * l.args().size() > l.argBlock().bytes()) {
            throw invalid(InvalidRequestException.Reason.OUT_OF_RANGE, "launch: " + l.args().size() + " argument words do not fit the " + l.argBlock().bytes()
                    + "-byte argument block " + l.argBlock());
        }
        if (l.argBlock().address() % DeviceTable.LAUNCH_ALIGN != 0) {
            throw invalid(InvalidRequestException.Reason.MISALIGNED, "launch: argument block " + l.argBlock() + " is not word-aligned");
        }
        if (l.budget() < 1 || l.budget() > MAX_BUDGET) {
            throw invalid(InvalidRequestException.Reason.BAD_ARGUMENT, "launch: budget " + l.budget() + " is not in 1.." + MAX_BUDGET);
        }
        List<DeviceMemory> in = new ArrayList<>(List.of(l.kernel().memory(), l.argBlock(), l.stack()));
        int[] words = new int[l.args().size()];
        for (int i = 0; i < words.length; i++) {
            Arg a = l.args().get(i);
            if (a instanceof Arg.Pointer p) {
                requireLive(p.memory(), "launch argument " + i);
                if (p.offset() < 0 || p.offset() >= p.memory().bytes()) {
                    throw invalid(InvalidRequestException.Reason.OUT_OF_RANGE, "launch: argument " + i + " points at offset " + p.offset() + " of " + p.memory()
                            + ", outside it");
                }
                in.add(p.memory());
                words[i] = p.memory().address() + p.offset();
            } else {
                words[i] = ((Arg.Word) a).value();
            }
        }
        for (DeviceMemory m : l.buffers()) {
            requireLive(m, "launch buffer");
            in.add(m);
        }
        long lo = Long.MAX_VALUE, hi = 0;
        for (DeviceMemory m : in) {
            lo = Math.min(lo, u(m.address()));
            hi = Math.max(hi, m.end());
        }
        lo &= -DeviceTable.LAUNCH_ALIGN;
        hi = (hi + DeviceTable.LAUNCH_ALIGN - 1) & -DeviceTable.LAUNCH_ALIGN;
        if (bug == DriverBug.WINDOW_ONE_WORD_SHORT) hi -= 4;
        int sp = (int) (l.stack().end() & -16L);
        if (u(sp) <= u(l.stack().address())) throw invalid(InvalidRequestException.Reason.OUT_OF_RANGE, "launch: stack " + l.stack() + " holds no 16-byte-aligned top");
        return new Prepared(command, new int[] {l.kernel().entry(), l.argBlock().address(), sp, (int) lo, (int) hi, (int) l.budget()}, new long[] {lo, hi},
                l.argBlock(), words);
    }

    private void requireRange(DeviceMemory m, int offset, int length, String what) {
        requireLive(m, what);
        if (length == 0) throw invalid(InvalidRequestException.Reason.ZERO_SIZE, what + ": length 0");
        if (length < 0 || offset < 0 || (long) offset + length > m.bytes()) {
            throw invalid(InvalidRequestException.Reason.OUT_OF_RANGE, what + ": " + length + " bytes at offset " + offset + " do not lie inside " + m);
        }
    }

    private void requireLive(DeviceMemory m, String what) {
        Objects.requireNonNull(m, what);
        if (m.owner != this) throw invalid(InvalidRequestException.Reason.FOREIGN_HANDLE, what + ": " + m + " belongs to another device");
        if (!live.containsKey(m.id())) throw invalid(InvalidRequestException.Reason.USE_AFTER_FREE, what + ": " + m + " was freed");
    }

    private void requireSubmission(Submission s) {
        Objects.requireNonNull(s, "submission");
        if (s.owner != this) throw invalid(InvalidRequestException.Reason.FOREIGN_HANDLE, s + " was submitted to another device");
    }

    /** Checks the device is open and names the action for the monitor. */
    private void begin(String actionName) {
        if (closed) throw new InvalidRequestException(InvalidRequestException.Reason.CLOSED, actionName + ": the device is closed");
        action(actionName);
    }

    private void action(String name) {
        if (monitor != null) monitor.action(name);
    }

    private static InvalidRequestException invalid(InvalidRequestException.Reason reason, String message) {
        return new InvalidRequestException(reason, message);
    }

    private static long u(int address) { return Integer.toUnsignedLong(address); }
}
