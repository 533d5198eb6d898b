package dev.seedverify.golden.commit;

import dev.seedverify.golden.isa.Tiles;

import java.util.Arrays;

/**
 * A buffer of commit records (spec §5), one per retired or trapping instruction, stored as
 * fixed-stride int arrays so that neither the golden model nor a DUT adapter allocates per
 * instruction. The layout constants are the one definition of the record format; the RTL
 * harness's native buffer uses the same layout.
 *
 * <p>Memory accesses follow RVFI with aligned addresses: a scalar access has the word-aligned
 * address, a byte-lane mask and the data in its lanes; a tile row access has the row address,
 * one mask bit per byte (32 or 8 bytes) and the row data. Only masked bytes are significant.
 */
public final class CommitLog {
    // Record fields (ints).
    public static final int ORDER_LO = 0, ORDER_HI = 1, PC = 2, PC_NEXT = 3, INSN = 4, FLAGS = 5, CAUSE = 6, TVAL = 7,
            RD_ADDR = 8, RD_WDATA = 9, CSR_ADDR = 10, CSR_RDATA = 11, CSR_WDATA = 12, TILE_INDEX = 13, MEM_FIRST = 14,
            MEM_COUNT = 15;
    public static final int RECORD_INTS = 16;

    // FLAGS bits.
    public static final int FLAG_TRAP = 1, FLAG_CSR_READ = 2, FLAG_CSR_WRITE = 4, FLAG_TILE_WRITE = 8;
    /** A device event record (spec §5, command mode), not an instruction: see the EV_ fields. */
    public static final int FLAG_EVENT = 16;

    // Device event records reuse the instruction fields under these names (FLAGS = FLAG_EVENT, no
    // accesses, no tile). ORDER is the count of instruction records before the event. EV_KIND is a
    // DeviceEvent code. COMPLETION: EV_INDEX descriptor index, EV_ADDR completion address, EV_ARG 1
    // if the record was written (0: its address was bad), EV_W0..EV_W3 the record's words.
    // DMA_WRITE: EV_INDEX descriptor index, EV_ADDR destination, EV_ARG length, EV_W0 opcode,
    // EV_W1 source (COPY) or pattern (FILL).
    public static final int EV_KIND = INSN, EV_INDEX = PC, EV_ADDR = PC_NEXT, EV_ARG = CAUSE, EV_W0 = TVAL, EV_W1 = RD_ADDR,
            EV_W2 = RD_WDATA, EV_W3 = CSR_ADDR;

    // Memory access fields (ints).
    public static final int MEM_ADDR = 0, MEM_RMASK = 1, MEM_WMASK = 2, MEM_RDATA = 3, MEM_WDATA = 11;
    public static final int ACCESS_DATA_INTS = 8;
    public static final int ACCESS_INTS = 19;
    /** Most accesses one instruction makes (a tile load or store: one per row). */
    public static final int MAX_ACCESSES = Tiles.ROWS;

    public static final int TILE_INTS = Tiles.WORDS;

    private final int capacity;
    final int[] records;
    final int[] accesses;
    final int[] tiles;
    private int size;
    private int accessCount;

    public CommitLog(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
        records = new int[capacity * RECORD_INTS];
        accesses = new int[capacity * MAX_ACCESSES * ACCESS_INTS];
        tiles = new int[capacity * TILE_INTS];
    }

    public int capacity() { return capacity; }

    public int size() { return size; }

    public boolean isFull() { return size == capacity; }

    public boolean isEmpty() { return size == 0; }

    public void clear() {
        forgetRare(0, size);
        size = 0;
        accessCount = 0;
    }

    /**
     * Whether a record may hold a rare field (FLAGS, CAUSE, TVAL, CSR_*, TILE_INDEX) without its
     * flag: after {@link #setField} or a raw copy ({@link #appendRaw}, {@link #appendFrom}).
     */
    private boolean rareUnflagged;

    /**
     * Zeroes the rare fields of records [from, to), which are no longer in the log: every slot not
     * yet written has them zero, so a producer writing whole records in place (translated code,
     * {@code TranslatedRecords}) writes only the fields every instruction has. The API's writers set
     * a rare field only with its flag (trap, CSR, tile, event), so a record without flags has none.
     */
    private void forgetRare(int from, int to) {
        int[] r = records;
        boolean all = rareUnflagged;
        for (int i = from; i < to; i++) {
            int b = i * RECORD_INTS;
            if (all || r[b + FLAGS] != 0) zeroRare(r, b);
        }
        if (from == 0) rareUnflagged = false;
    }

    /** The fields an instruction without trap, CSR, tile or event leaves zero, of the record at {@code b}. */
    private static void zeroRare(int[] r, int b) {
        r[b + FLAGS] = 0;
        r[b + CAUSE] = 0;
        r[b + TVAL] = 0;
        r[b + CSR_ADDR] = 0;
        r[b + CSR_RDATA] = 0;
        r[b + CSR_WDATA] = 0;
        r[b + TILE_INDEX] = 0;
    }

    // --- writing (the producer: golden executor or DUT adapter) ---

    /** Starts record {@link #size()}; returns its index. Caller ensures the log is not full. */
    public int begin(long order, int pc, int insn) {
        int i = size;
        int b = i * RECORD_INTS;
        int[] r = records;
        r[b + ORDER_LO] = (int) order;
        r[b + ORDER_HI] = (int) (order >>> 32);
        r[b + PC] = pc;
        r[b + PC_NEXT] = 0;
        r[b + INSN] = insn;
        zeroRare(r, b);
        r[b + RD_ADDR] = 0;
        r[b + RD_WDATA] = 0;
        r[b + MEM_FIRST] = accessCount;
        r[b + MEM_COUNT] = 0;
        return i;
    }

    /** Appends a complete device event record (see the EV_ fields). Caller ensures the log is not full. */
    public void event(long order, int kind, int index, int addr, int arg, int w0, int w1, int w2, int w3) {
        int b = begin(order, 0, 0) * RECORD_INTS;
        int[] r = records;
        r[b + FLAGS] = FLAG_EVENT;
        r[b + EV_KIND] = kind;
        r[b + EV_INDEX] = index;
        r[b + EV_ADDR] = addr;
        r[b + EV_ARG] = arg;
        r[b + EV_W0] = w0;
        r[b + EV_W1] = w1;
        r[b + EV_W2] = w2;
        r[b + EV_W3] = w3;
        size++;
    }

    /** Whether record {@code i} is a device event (else an instruction). */
    public boolean isEvent(int i) { return (flags(i) & FLAG_EVENT) != 0; }

    /** Completes the current record. */
    public void end(int pcNext) {
        records[size * RECORD_INTS + PC_NEXT] = pcNext;
        size++;
    }

    // --- writing in place (producers that write many whole records per call: translated code) ---

    /** The record array: record i at [i * RECORD_INTS, (i + 1) * RECORD_INTS), fields as the constants above. */
    public int[] recordArray() { return records; }

    /** The access array: access k at [k * ACCESS_INTS, (k + 1) * ACCESS_INTS). */
    public int[] accessArray() { return accesses; }

    /** Accesses in the log (the next one goes at this index). */
    public int accessCount() { return accessCount; }

    /**
     * Takes records [size, newSize) and accesses [accessCount, newAccessCount), written in place
     * in {@link #recordArray()} and {@link #accessArray()} exactly as the other writers would.
     */
    public void commitInPlace(int newSize, int newAccessCount) {
        if (newSize < size || newSize > capacity || newAccessCount < accessCount || newAccessCount > capacity * MAX_ACCESSES) {
            throw new IllegalStateException("in-place records [" + size + ", " + newSize + ") / accesses [" + accessCount + ", "
                    + newAccessCount + ") do not fit " + this);
        }
        size = newSize;
        accessCount = newAccessCount;
    }

    public void trap(int cause, int tval) {
        int b = size * RECORD_INTS;
        records[b + FLAGS] |= FLAG_TRAP;
        records[b + CAUSE] = cause;
        records[b + TVAL] = tval;
    }

    /** rd write; rd_wdata is 0 when rd = x0 (RVFI). */
    public void rd(int rd, int value) {
        int b = size * RECORD_INTS;
        records[b + RD_ADDR] = rd;
        records[b + RD_WDATA] = rd == 0 ? 0 : value;
    }

    public void csrRead(int csr, int value) {
        int b = size * RECORD_INTS;
        records[b + FLAGS] |= FLAG_CSR_READ;
        records[b + CSR_ADDR] = csr;
        records[b + CSR_RDATA] = value;
    }

    public void csrWrite(int csr, int value) {
        int b = size * RECORD_INTS;
        records[b + FLAGS] |= FLAG_CSR_WRITE;
        records[b + CSR_ADDR] = csr;
        records[b + CSR_WDATA] = value;
    }

    /**
     * Adds a scalar access of {@code bytes} (1, 2 or 4) at {@code addr} moving {@code value} (its
     * low bytes): recorded RVFI-style as the aligned word, the byte lanes and the data in them.
     */
    public void scalarAccess(int addr, int bytes, boolean write, int value) {
        writeScalarAccess(accesses, accessCount++, addr, bytes, write, value);
        records[size * RECORD_INTS + MEM_COUNT]++;
    }

    /**
     * Writes access {@code index} of an {@link #accessArray()}: a scalar access of {@code bytes}
     * at {@code addr} moving {@code value}, laid out as {@link #scalarAccess(int, int, boolean, int)}
     * does (for producers writing in place).
     */
    public static void writeScalarAccess(int[] accesses, int index, int addr, int bytes, boolean write, int value) {
        int lane = addr & 3;
        int lanes = ((1 << bytes) - 1) << lane;
        int data = (bytes == 4 ? value : value & ((1 << (8 * bytes)) - 1)) << (8 * lane);
        int a = index * ACCESS_INTS;
        accesses[a + MEM_ADDR] = addr & ~3;
        accesses[a + MEM_RMASK] = write ? 0 : lanes;
        accesses[a + MEM_WMASK] = write ? lanes : 0;
        accesses[a + MEM_RDATA] = write ? 0 : data;
        accesses[a + MEM_WDATA] = write ? data : 0;
    }

    /** Adds a scalar access: aligned word address, lane masks and the word-lane data. */
    public void scalarAccess(int alignedAddr, int rmask, int wmask, int rdata, int wdata) {
        int a = accessCount++ * ACCESS_INTS;
        int[] m = accesses;
        m[a + MEM_ADDR] = alignedAddr;
        m[a + MEM_RMASK] = rmask;
        m[a + MEM_WMASK] = wmask;
        m[a + MEM_RDATA] = rdata;
        m[a + MEM_WDATA] = wdata;
        records[size * RECORD_INTS + MEM_COUNT]++;
    }

    /**
     * Adds a tile row access of {@code bytes} bytes (32, or 8 for tstn) whose data is
     * {@code data[off .. off+bytes)}; read when {@code write} is false.
     */
    public void rowAccess(int addr, boolean write, byte[] data, int off, int bytes) {
        int a = accessCount++ * ACCESS_INTS;
        int[] m = accesses;
        int mask = bytes == 32 ? -1 : (1 << bytes) - 1;
        m[a + MEM_ADDR] = addr;
        m[a + MEM_RMASK] = write ? 0 : mask;
        m[a + MEM_WMASK] = write ? mask : 0;
        int d = a + (write ? MEM_WDATA : MEM_RDATA);
        for (int w = 0; w < bytes / 4; w++) {
            int o = off + 4 * w;
            m[d + w] = (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8 | (data[o + 2] & 0xFF) << 16 | data[o + 3] << 24;
        }
        records[size * RECORD_INTS + MEM_COUNT]++;
    }

    /** Records the written tile: its index and all 256 bytes after the write. */
    public void tileWrite(int index, byte[] tiles, int off) {
        int b = size * RECORD_INTS;
        records[b + FLAGS] |= FLAG_TILE_WRITE;
        records[b + TILE_INDEX] = index;
        int t = size * TILE_INTS;
        int[] dst = this.tiles;
        for (int w = 0; w < TILE_INTS; w++) {
            int o = off + 4 * w;
            dst[t + w] = (tiles[o] & 0xFF) | (tiles[o + 1] & 0xFF) << 8 | (tiles[o + 2] & 0xFF) << 16 | tiles[o + 3] << 24;
        }
    }

    // --- reading ---

    public long order(int i) {
        int b = i * RECORD_INTS;
        return (records[b + ORDER_LO] & 0xFFFF_FFFFL) | (long) records[b + ORDER_HI] << 32;
    }

    public int field(int i, int field) { return records[i * RECORD_INTS + field]; }

    public int pc(int i) { return field(i, PC); }

    public int pcNext(int i) { return field(i, PC_NEXT); }

    public int insn(int i) { return field(i, INSN); }

    public int flags(int i) { return field(i, FLAGS); }

    public boolean trap(int i) { return (flags(i) & FLAG_TRAP) != 0; }

    public int cause(int i) { return field(i, CAUSE); }

    public int tval(int i) { return field(i, TVAL); }

    public int rdAddr(int i) { return field(i, RD_ADDR); }

    public int rdWdata(int i) { return field(i, RD_WDATA); }

    public int csrAddr(int i) { return field(i, CSR_ADDR); }

    public int csrRdata(int i) { return field(i, CSR_RDATA); }

    public int csrWdata(int i) { return field(i, CSR_WDATA); }

    public int tileIndex(int i) { return field(i, TILE_INDEX); }

    public int memCount(int i) { return field(i, MEM_COUNT); }

    /** Field {@code f} of access {@code k} of record {@code i}. */
    public int access(int i, int k, int f) {
        return accesses[(field(i, MEM_FIRST) + k) * ACCESS_INTS + f];
    }

    /** Word {@code w} (0..63) of the tile record {@code i} wrote. */
    public int tileWord(int i, int w) { return tiles[i * TILE_INTS + w]; }

    /** Overwrites a field of record {@code i} (DUT adapters fixing up a record; fault injection in tests). */
    public void setField(int i, int field, int value) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("record " + i + " of " + size);
        records[i * RECORD_INTS + field] = value;
        rareUnflagged = true;
    }

    /** Drops the last record (e.g. when a run is rolled back to a snapshot). */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IllegalArgumentException("truncate to " + newSize + " of " + size);
        forgetRare(newSize, size);
        size = newSize;
        accessCount = newSize == 0 ? 0 : field(newSize - 1, MEM_FIRST) + field(newSize - 1, MEM_COUNT);
    }

    /**
     * Appends records from raw arrays laid out as this class's (a DUT adapter's bulk path): the
     * records' MEM_FIRST values are relative to {@code accessSrc} and get rebased.
     */
    public void appendRaw(int[] recordSrc, int recordCount, int[] accessSrc, int accessSrcCount, int[] tileSrc) {
        rareUnflagged = true;
        if (size + recordCount > capacity) throw new IllegalStateException("commit log overflow");
        System.arraycopy(recordSrc, 0, records, size * RECORD_INTS, recordCount * RECORD_INTS);
        System.arraycopy(accessSrc, 0, accesses, accessCount * ACCESS_INTS, accessSrcCount * ACCESS_INTS);
        System.arraycopy(tileSrc, 0, tiles, size * TILE_INTS, recordCount * TILE_INTS);
        for (int i = size; i < size + recordCount; i++) records[i * RECORD_INTS + MEM_FIRST] += accessCount;
        size += recordCount;
        accessCount += accessSrcCount;
    }

    /**
     * Appends records {@code [from, from + count)} of {@code src} (with their accesses and tiles),
     * allocation-free: a comparator hands the records it has checked on to its caller's log.
     */
    public void appendFrom(CommitLog src, int from, int count) {
        rareUnflagged = true;
        if (count == 0) return;
        if (from < 0 || count < 0 || from + count > src.size) {
            throw new IndexOutOfBoundsException("records [" + from + ", " + (from + count) + ") of " + src.size);
        }
        if (size + count > capacity) throw new IllegalStateException("commit log overflow");
        int firstAccess = src.field(from, MEM_FIRST);
        int last = from + count - 1;
        int accessEnd = src.field(last, MEM_FIRST) + src.field(last, MEM_COUNT);
        System.arraycopy(src.records, from * RECORD_INTS, records, size * RECORD_INTS, count * RECORD_INTS);
        System.arraycopy(src.accesses, firstAccess * ACCESS_INTS, accesses, accessCount * ACCESS_INTS, (accessEnd - firstAccess) * ACCESS_INTS);
        System.arraycopy(src.tiles, from * TILE_INTS, tiles, size * TILE_INTS, count * TILE_INTS);
        int shift = accessCount - firstAccess;
        for (int i = size; i < size + count; i++) records[i * RECORD_INTS + MEM_FIRST] += shift;
        size += count;
        accessCount += accessEnd - firstAccess;
    }

    /** Immutable copy of record {@code i}, for reports and tests (allocates). */
    public CommitRecord get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("record " + i + " of " + size);
        return CommitRecord.copyOf(this, i);
    }

    @Override
    public String toString() {
        return "CommitLog[" + size + "/" + capacity + "]";
    }

    int[] tileCopy(int i) { return Arrays.copyOfRange(tiles, i * TILE_INTS, (i + 1) * TILE_INTS); }
}
