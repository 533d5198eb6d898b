package dev.seedverify.golden.exec;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.isa.TrapCause;

import java.util.Arrays;

/**
 * The golden model of the S1 control core: RV32IM + Zicsr + M-mode traps + Xseed, executing
 * exactly as spec §1–§3 say, one commit record per retired or trapping instruction (§5).
 *
 * <p>Instructions are decoded once per memory word into a packed {@code long} kept in
 * {@link Memory}'s decode cache (invalidated by every write), so the loop does no decoding and
 * allocates nothing. The retired-instruction and cycle counters are derived from {@code order}
 * (the count of records) so the loop maintains a single counter.
 *
 * <p>Not thread-safe; one hart per thread.
 */
public final class Hart {
    /** Where the packed decode entry keeps each part. */
    private static final int OP_MASK = 0xFF, RD_SHIFT = 8, RS1_SHIFT = 13, RS2_SHIFT = 18;
    private static final int ILLEGAL = 0xFF;
    private static final Instruction[] OPS = new Instruction[256];

    static {
        for (Instruction i : Instruction.all()) OPS[i.ordinal() + 1] = i;
    }

    private final Memory mem;
    private final int[] x = new int[32];
    private final TileUnit tileUnit = new TileUnit();
    private final byte[] rowBuffer = new byte[Tiles.ROW_BYTES];
    private int pc;

    // Architectural CSRs (spec §1.1); only writable bits are stored.
    private int mstatus, mtvec, mscratch, mepc, mcause, mtval;

    /** Records executed (retired or trapped) since reset; RVFI order of the next record. */
    private long order;
    /** Traps since reset; minstret = instretBase + order - traps. */
    private long traps;
    private long instretBase;
    /** mcycle = cycleBase + order (implementation-defined; any monotone count would do). */
    private long cycleBase;

    /** Accessible range [windowLo, windowLo + windowSpan): all of DRAM in bare mode, the launch window in command mode. */
    private int windowLo = Memory.BASE;
    private int windowSpan;

    private boolean stopOnTrap;
    /** Set by a trap or a tohost write during the current instruction; handled after it. */
    private int event;
    private static final int EVENT_TRAP = 1, EVENT_HALT = 2;
    private boolean tohostEnabled;
    private int tohost;
    private int tohostValue;

    private CommitLog log;

    public Hart(Memory mem) {
        this.mem = mem;
        this.windowSpan = mem.size();
        resetBare();
    }

    public Memory memory() { return mem; }

    public TileUnit tiles() { return tileUnit; }

    // ------------------------------------------------------------------ reset and modes

    /** Bare-mode reset (spec §3): pc = DRAM base, registers, CSRs and tiles zero, all of DRAM accessible. */
    public void resetBare() {
        Arrays.fill(x, 0);
        tileUnit.reset();
        pc = Memory.BASE;
        mstatus = mtvec = mscratch = mepc = mcause = mtval = 0;
        order = traps = instretBase = cycleBase = 0;
        windowLo = Memory.BASE;
        windowSpan = mem.size();
        stopOnTrap = false;
        tohostValue = 0;
    }

    /**
     * Command-mode LAUNCH state (spec §4.2): GPRs, tiles and Xseed CSRs zero, pc = entry, sp and a0
     * set; every access must lie in [base, limit); the first trap (ecall included) stops the run.
     * The caller has validated the descriptor (aligned, non-empty, inside DRAM).
     */
    public void launch(int entry, int a0, int sp, int windowBase, int windowLimit) {
        Arrays.fill(x, 0);
        tileUnit.reset();
        x[2] = sp;
        x[10] = a0;
        pc = entry;
        // Cached words were fetchable in the old window: still so if the new one contains it
        // (a kernel launched again in its window keeps its decoded code); else check them again.
        long oldLo = windowLo & 0xFFFF_FFFFL, newLo = windowBase & 0xFFFF_FFFFL;
        if (newLo > oldLo || oldLo + windowSpan > (windowLimit & 0xFFFF_FFFFL)) mem.dropDecodeCache();
        windowLo = windowBase;
        windowSpan = windowLimit - windowBase;
        stopOnTrap = true;
        tohostEnabled = false;
    }

    /** Ends the run when a store leaves a non-zero word at {@code address} (bare mode, spec §3). */
    public void setTohost(int address) {
        if ((address & 3) != 0 || !mem.contains(address, 4)) {
            throw new IllegalArgumentException(String.format("tohost 0x%08x must be a word-aligned DRAM address", address));
        }
        tohost = address;
        tohostEnabled = true;
        tohostValue = 0;
    }

    public void clearTohost() {
        tohostEnabled = false;
        tohostValue = 0;
    }

    /** The non-zero word written to tohost, or 0 if the program has not halted. */
    public int tohostValue() { return tohostValue; }

    /** Commit records go to {@code log}; null switches recording off. */
    public void setCommitLog(CommitLog log) { this.log = log; }

    public CommitLog commitLog() { return log; }

    // ------------------------------------------------------------------ state access

    public int pc() { return pc; }

    public void setPc(int pc) {
        if ((pc & 3) != 0) throw new IllegalArgumentException(String.format("pc 0x%08x is not a multiple of 4", pc));
        this.pc = pc;
    }

    public int x(int reg) { return x[reg]; }

    public void setX(int reg, int value) {
        if (reg != 0) x[reg] = value;
    }

    /** RVFI order of the next record (= records produced since reset). */
    public long order() { return order; }

    /** minstret: instructions retired since reset (or since the last write). */
    public long instret() { return instretBase + order - traps; }

    public long cycle() { return cycleBase + order; }

    /** The value a CSR instruction would read (no side effects; mcycle is the golden model's own). */
    public int csr(Csr csr) { return readCsr(csr, order); }

    /**
     * Writes a CSR as an instruction would (WARL rules), between instructions, for debugging and
     * test set-up; a read-only alias of a counter (cycle, instret and their high halves) writes
     * the counter it reads.
     */
    public void setCsr(Csr csr, int value) {
        csr = switch (csr) {
            case CYCLE -> Csr.MCYCLE;
            case CYCLEH -> Csr.MCYCLEH;
            case INSTRET -> Csr.MINSTRET;
            case INSTRETH -> Csr.MINSTRETH;
            default -> csr;
        };
        // As if written by an instruction just before the next one: the next instruction reads it back.
        writeCsr(csr, value, order - 1);
    }

    // ------------------------------------------------------------------ execution

    /**
     * Executes up to {@code maxSteps} instructions (retired or trapping). Returns early when a
     * store writes tohost, when the commit log fills, or (command mode) at the first trap.
     */
    public StopReason run(long maxSteps) {
        final Memory mem = this.mem;
        final int[] x = this.x;
        final CommitLog log = this.log;
        final long[][] decodedPages = mem.decodedPages();
        final int windowLo = this.windowLo, windowSpan = this.windowSpan;
        long order = this.order;
        final long end = order + maxSteps;
        int pc = this.pc;
        StopReason stop = StopReason.BUDGET;

        while (order != end) {
            if (log != null && log.isFull()) {
                stop = StopReason.LOG_FULL;
                break;
            }
            // A word has a decode entry only if it was fetchable when decoded, and launch() drops
            // the cache unless the new window contains the old: so a hit needs no window check.
            final int off = pc - Memory.BASE;
            final int pageIndex = off >>> Memory.PAGE_SHIFT;
            long d = 0;
            if (pageIndex < decodedPages.length) {
                final long[] page = decodedPages[pageIndex];
                if (page != null) d = page[Memory.wordInPage(off)];
            }
            if (d == 0) {
                if (Integer.compareUnsigned(pc - windowLo, windowSpan) >= 0) {
                    if (log != null) log.begin(order, pc, 0);
                    pc = trap(pc, TrapCause.FETCH_ACCESS, pc);
                    if (log != null) log.end(pc);
                    order++;
                    event = 0;
                    if (stopOnTrap) {
                        stop = StopReason.TRAPPED;
                        break;
                    }
                    continue;
                }
                d = predecode(mem.loadWord(off));
                mem.cacheDecoded(off, d);
            }
            if (log != null) log.begin(order, pc, mem.loadWord(off));
            final int op = (int) d & OP_MASK;
            final int rd = (int) (d >>> RD_SHIFT) & 31;
            final int rs1 = (int) (d >>> RS1_SHIFT) & 31;
            final int rs2 = (int) (d >>> RS2_SHIFT) & 31;
            final int imm = (int) (d >>> 32);
            int next = pc + 4;

            if (op == ILLEGAL) {
                next = trap(pc, TrapCause.ILLEGAL_INSTRUCTION, mem.loadWord(off));
            } else {
                switch (OPS[op]) {
                    case LUI: setRd(x, log, rd, imm); break;
                    case AUIPC: setRd(x, log, rd, pc + imm); break;
                    case JAL: {
                        int target = pc + imm;
                        if ((target & 3) != 0) {
                            next = trap(pc, TrapCause.FETCH_MISALIGNED, target);
                            break;
                        }
                        setRd(x, log, rd, pc + 4);
                        next = target;
                        break;
                    }
                    case JALR: {
                        int target = (x[rs1] + imm) & ~1;
                        if ((target & 3) != 0) {
                            next = trap(pc, TrapCause.FETCH_MISALIGNED, target);
                            break;
                        }
                        setRd(x, log, rd, pc + 4);
                        next = target;
                        break;
                    }
                    case BEQ: if (x[rs1] == x[rs2]) next = branch(pc, imm); break;
                    case BNE: if (x[rs1] != x[rs2]) next = branch(pc, imm); break;
                    case BLT: if (x[rs1] < x[rs2]) next = branch(pc, imm); break;
                    case BGE: if (x[rs1] >= x[rs2]) next = branch(pc, imm); break;
                    case BLTU: if (Integer.compareUnsigned(x[rs1], x[rs2]) < 0) next = branch(pc, imm); break;
                    case BGEU: if (Integer.compareUnsigned(x[rs1], x[rs2]) >= 0) next = branch(pc, imm); break;
                    case LB: case LH: case LW: case LBU: case LHU:
                        next = load(OPS[op], pc, rd, x[rs1] + imm);
                        break;
                    case SB: case SH: case SW:
                        next = store(OPS[op], pc, x[rs1] + imm, x[rs2]);
                        break;
                    case ADDI: setRd(x, log, rd, x[rs1] + imm); break;
                    case SLTI: setRd(x, log, rd, x[rs1] < imm ? 1 : 0); break;
                    case SLTIU: setRd(x, log, rd, Integer.compareUnsigned(x[rs1], imm) < 0 ? 1 : 0); break;
                    case XORI: setRd(x, log, rd, x[rs1] ^ imm); break;
                    case ORI: setRd(x, log, rd, x[rs1] | imm); break;
                    case ANDI: setRd(x, log, rd, x[rs1] & imm); break;
                    case SLLI: setRd(x, log, rd, x[rs1] << imm); break;
                    case SRLI: setRd(x, log, rd, x[rs1] >>> imm); break;
                    case SRAI: setRd(x, log, rd, x[rs1] >> imm); break;
                    case ADD: setRd(x, log, rd, x[rs1] + x[rs2]); break;
                    case SUB: setRd(x, log, rd, x[rs1] - x[rs2]); break;
                    case SLL: setRd(x, log, rd, x[rs1] << x[rs2]); break;
                    case SLT: setRd(x, log, rd, x[rs1] < x[rs2] ? 1 : 0); break;
                    case SLTU: setRd(x, log, rd, Integer.compareUnsigned(x[rs1], x[rs2]) < 0 ? 1 : 0); break;
                    case XOR: setRd(x, log, rd, x[rs1] ^ x[rs2]); break;
                    case SRL: setRd(x, log, rd, x[rs1] >>> x[rs2]); break;
                    case SRA: setRd(x, log, rd, x[rs1] >> x[rs2]); break;
                    case OR: setRd(x, log, rd, x[rs1] | x[rs2]); break;
                    case AND: setRd(x, log, rd, x[rs1] & x[rs2]); break;
                    case MUL: setRd(x, log, rd, x[rs1] * x[rs2]); break;
                    case MULH: setRd(x, log, rd, (int) (((long) x[rs1] * x[rs2]) >> 32)); break;
                    case MULHSU: setRd(x, log, rd, (int) (((long) x[rs1] * (x[rs2] & 0xFFFF_FFFFL)) >> 32)); break;
                    case MULHU: setRd(x, log, rd, (int) (((x[rs1] & 0xFFFF_FFFFL) * (x[rs2] & 0xFFFF_FFFFL)) >>> 32)); break;
                    case DIV: {
                        int a = x[rs1], b = x[rs2];
                        // Java's int division already gives INT_MIN for INT_MIN / -1.
                        setRd(x, log, rd, b == 0 ? -1 : a / b);
                        break;
                    }
                    case DIVU: {
                        int b = x[rs2];
                        setRd(x, log, rd, b == 0 ? -1 : Integer.divideUnsigned(x[rs1], b));
                        break;
                    }
                    case REM: {
                        int a = x[rs1], b = x[rs2];
                        setRd(x, log, rd, b == 0 ? a : a % b);
                        break;
                    }
                    case REMU: {
                        int a = x[rs1], b = x[rs2];
                        setRd(x, log, rd, b == 0 ? a : Integer.remainderUnsigned(a, b));
                        break;
                    }
                    case FENCE: case FENCE_I: case WFI:
                        // Ordering only; the decode cache is always coherent with memory.
                        break;
                    case ECALL:
                        next = trap(pc, TrapCause.ECALL, 0);
                        break;
                    case EBREAK:
                        next = trap(pc, TrapCause.BREAKPOINT, pc);
                        break;
                    case MRET:
                        next = mepc;
                        mstatus = ((mstatus & Csr.MSTATUS_MPIE) != 0 ? Csr.MSTATUS_MIE : 0) | Csr.MSTATUS_MPIE;
                        break;
                    case CSRRW: case CSRRS: case CSRRC:
                        csrInstruction(OPS[op], rd, rs1, x[rs1], imm, order);
                        break;
                    case CSRRWI: case CSRRSI: case CSRRCI:
                        csrInstruction(OPS[op], rd, rs1, rs1, imm, order);
                        break;
                    case TLD: case TST: case TSTN:
                        next = tileMemory(OPS[op], pc, rd, x[rs1], x[rs2]);
                        break;
                    case TZERO:
                        tileUnit.zero(rd);
                        tileWritten(rd, 0);
                        break;
                    case TMMA_I8:
                        tileUnit.mmaI8(rd, rs1, rs2);
                        tileWritten(rd, 0);
                        break;
                    case TMMA_E4M3:
                        tileWritten(rd, tileUnit.mmaE4m3(rd, rs1, rs2));
                        break;
                    case TADD_I32:
                        tileUnit.addI32(rd, rs1, rs2);
                        tileWritten(rd, 0);
                        break;
                    case TMAX_I32:
                        tileUnit.maxI32(rd, rs1, rs2);
                        tileWritten(rd, 0);
                        break;
                    case TRELU_I32:
                        tileUnit.reluI32(rd, rs1);
                        tileWritten(rd, 0);
                        break;
                    case TADD_F32:
                        tileWritten(rd, tileUnit.addF32(rd, rs1, rs2));
                        break;
                    case TQUANT_I8:
                        tileWritten(rd, tileUnit.quantI8(rd, rs1));
                        break;
                    case TCVT_E4M3:
                        tileWritten(rd, tileUnit.cvtE4m3(rd, rs1));
                        break;
                    case TGET:
                        setRd(x, log, rd, tileUnit.word(rs1, x[rs2] & 63));
                        break;
                    case TPUT:
                        tileUnit.setWord(rd, x[rs2] & 63, x[rs1]);
                        tileWritten(rd, 0);
                        break;
                    default:
                        throw new AssertionError("no semantics for " + OPS[op]);
                }
            }
            if (log != null) log.end(next);
            order++;
            pc = next;
            if (event != 0) {
                int e = event;
                event = 0;
                if (e == EVENT_HALT) {
                    stop = StopReason.HALTED;
                    break;
                }
                if (stopOnTrap) {
                    stop = StopReason.TRAPPED;
                    break;
                }
            }
        }
        this.order = order;
        this.pc = pc;
        return stop;
    }

    /** Decodes a word into the packed entry the loop executes (never 0). */
    static long predecode(int word) {
        Instruction insn = Decoder.decode(word);
        if (insn == null) return ILLEGAL;
        int imm = switch (insn.format()) {
            case I -> Field.IMM_I.extract(word);
            case S -> Field.IMM_S.extract(word);
            case B -> Field.IMM_B.extract(word);
            case U -> word & 0xFFFF_F000;
            case J -> Field.IMM_J.extract(word);
            case SHIFT -> Field.SHAMT.extract(word);
            case CSR, CSR_IMM -> Field.CSR.extract(word);
            default -> 0;
        };
        return (insn.ordinal() + 1) | (long) Field.RD.extract(word) << RD_SHIFT | (long) Field.RS1.extract(word) << RS1_SHIFT
                | (long) Field.RS2.extract(word) << RS2_SHIFT | (long) imm << 32;
    }

    private void writeRd(int rd, int value) {
        setRd(x, log, rd, value);
    }

    /** The loop's register write, over locals so nothing is reloaded from fields. */
    private static void setRd(int[] x, CommitLog log, int rd, int value) {
        if (rd != 0) x[rd] = value;
        if (log != null) log.rd(rd, value);
    }

    private int branch(int pc, int offset) {
        int target = pc + offset;
        if ((target & 3) != 0) {
            return trap(pc, TrapCause.FETCH_MISALIGNED, target);
        }
        return target;
    }

    /** Whether [addr, addr + bytes) leaves the accessible window; addr is aligned to min(bytes, 4). */
    private boolean outside(int addr) {
        return Integer.compareUnsigned(addr - windowLo, windowSpan) >= 0;
    }

    /** The trap a scalar access of {@code bytes} at {@code addr} takes (misaligned before access), or null. */
    private TrapCause accessFault(int addr, int bytes, TrapCause misaligned, TrapCause access) {
        if ((addr & (bytes - 1)) != 0) return misaligned;
        return outside(addr) ? access : null;
    }

    private int load(Instruction insn, int pc, int rd, int addr) {
        int bytes = insn.accessBytes();
        TrapCause fault = accessFault(addr, bytes, TrapCause.LOAD_MISALIGNED, TrapCause.LOAD_ACCESS);
        if (fault != null) return trap(pc, fault, addr);
        int off = addr - Memory.BASE;
        int raw = switch (bytes) {
            case 1 -> mem.loadByte(off);
            case 2 -> mem.loadHalf(off);
            default -> mem.loadWord(off);
        };
        if (log != null) log.scalarAccess(addr, bytes, false, raw);
        writeRd(rd, switch (insn) {
            case LBU -> raw & 0xFF;
            case LHU -> raw & 0xFFFF;
            default -> raw;
        });
        return pc + 4;
    }

    private int store(Instruction insn, int pc, int addr, int value) {
        int bytes = insn.accessBytes();
        TrapCause fault = accessFault(addr, bytes, TrapCause.STORE_MISALIGNED, TrapCause.STORE_ACCESS);
        if (fault != null) return trap(pc, fault, addr);
        int off = addr - Memory.BASE;
        switch (bytes) {
            case 1 -> mem.storeByte(off, value);
            case 2 -> mem.storeHalf(off, value);
            default -> mem.storeWord(off, value);
        }
        if (log != null) log.scalarAccess(addr, bytes, true, value);
        if (tohostEnabled && (addr & ~3) == tohost) checkTohost();
        return pc + 4;
    }

    private void checkTohost() {
        int v = mem.loadWord(tohost - Memory.BASE);
        if (v != 0) {
            tohostValue = v;
            event = EVENT_HALT;
        }
    }

    /**
     * tld/tst/tstn (spec §2.2): base and stride aligned, then every row checked before any byte
     * moves, so a fault changes neither memory nor the tile.
     */
    private int tileMemory(Instruction insn, int pc, int tile, int base, int stride) {
        boolean isLoad = insn == Instruction.TLD;
        int rowBytes = insn == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES;
        if (((base | stride) & 3) != 0) {
            return trap(pc, isLoad ? TrapCause.LOAD_MISALIGNED : TrapCause.STORE_MISALIGNED, base);
        }
        for (int r = 0; r < Tiles.ROWS; r++) {
            int a = base + r * stride;
            int fault = firstFaultingByte(a, rowBytes);
            if (fault != a + rowBytes) {
                return trap(pc, isLoad ? TrapCause.LOAD_ACCESS : TrapCause.STORE_ACCESS, fault);
            }
        }
        int tileOff = TileUnit.offset(tile);
        boolean hitsTohost = false;
        for (int r = 0; r < Tiles.ROWS; r++) {
            int a = base + r * stride;
            int rowOff = tileOff + r * Tiles.ROW_BYTES;
            if (isLoad) {
                mem.read(a - Memory.BASE, tileUnit.tiles, rowOff, rowBytes);
                if (log != null) log.rowAccess(a, false, tileUnit.tiles, rowOff, rowBytes);
            } else {
                mem.write(a - Memory.BASE, tileUnit.tiles, rowOff, rowBytes);
                if (log != null) log.rowAccess(a, true, tileUnit.tiles, rowOff, rowBytes);
                hitsTohost |= tohostEnabled && Integer.compareUnsigned(tohost - a, rowBytes) < 0;
            }
        }
        if (isLoad) tileWritten(tile, 0);
        if (hitsTohost) checkTohost();
        return pc + 4;
    }

    /**
     * The first byte of [a, a + n) outside the window, or a + n when all are inside. The window
     * lies inside DRAM and a row is at most 32 bytes, so a row that starts inside cannot wrap.
     */
    private int firstFaultingByte(int a, int n) {
        int rel = a - windowLo;
        if (Integer.compareUnsigned(rel, windowSpan) >= 0) return a;
        if (Integer.compareUnsigned(rel + n, windowSpan) > 0) return windowLo + windowSpan;
        return a + n;
    }

    /** Records the written tile and makes {@code flags} sticky in xsstat (recorded as a CSR write). */
    private void tileWritten(int tile, int flags) {
        if (flags != 0) tileUnit.xsstat |= flags;
        if (log != null) {
            log.tileWrite(tile, tileUnit.tiles, TileUnit.offset(tile));
            if (flags != 0) log.csrWrite(Csr.XSSTAT.address(), tileUnit.xsstat);
        }
    }

    // ------------------------------------------------------------------ traps and CSRs

    /**
     * Takes a trap (spec §1.1): the instruction does not retire and changes nothing else.
     * Returns the next pc.
     */
    private int trap(int pc, TrapCause cause, int tval) {
        mepc = pc;
        mcause = cause.code();
        mtval = tval;
        mstatus = (mstatus & Csr.MSTATUS_MIE) != 0 ? Csr.MSTATUS_MPIE : 0;
        traps++;
        event = EVENT_TRAP;
        if (log != null) log.trap(cause.code(), tval);
        return mtvec;
    }

    private void csrInstruction(Instruction insn, int rd, int rs1Field, int source, int address, long order) {
        Csr csr = Csr.byAddress(address);
        boolean swap = insn == Instruction.CSRRW || insn == Instruction.CSRRWI;
        // csrrw with rd = x0 does not read; the set/clear forms always read.
        boolean reads = !swap || rd != 0;
        boolean writes = swap || rs1Field != 0;
        int old = reads ? readCsr(csr, order) : 0;
        if (reads && log != null) log.csrRead(address, old);
        if (writes) {
            int value = switch (insn) {
                case CSRRW, CSRRWI -> source;
                case CSRRS, CSRRSI -> old | source;
                default -> old & ~source;
            };
            int now = writeCsr(csr, value, order);
            if (log != null) log.csrWrite(address, now);
        }
        writeRd(rd, old);
    }

    /** The value an instruction with {@code order} reads from {@code csr}. */
    private int readCsr(Csr csr, long order) {
        switch (csr) {
            case MSTATUS: return mstatus | Csr.MSTATUS_MPP;
            case MISA: return Csr.MISA_VALUE;
            case MIE: case MIP: return 0;
            case MTVEC: return mtvec;
            case MSCRATCH: return mscratch;
            case MEPC: return mepc;
            case MCAUSE: return mcause;
            case MTVAL: return mtval;
            case MCYCLE: case CYCLE: case MCYCLEH: case CYCLEH: {
                // Implementation-defined (spec §1.1): one cycle per record, unless set with setCsr.
                long c = cycleBase + order;
                return csr == Csr.MCYCLE || csr == Csr.CYCLE ? (int) c : (int) (c >>> 32);
            }
            case MINSTRET: case INSTRET: return (int) (instretBase + order - traps);
            case MINSTRETH: case INSTRETH: return (int) ((instretBase + order - traps) >>> 32);
            case MVENDORID: case MARCHID: case MIMPID: case MHARTID: return 0;
            default: return tileUnit.readCsr(csr);
        }
    }

    /** Writes with the WARL rules and returns the value the CSR now reads. */
    private int writeCsr(Csr csr, int v, long order) {
        switch (csr) {
            case MSTATUS: mstatus = v & (Csr.MSTATUS_MIE | Csr.MSTATUS_MPIE); break;
            case MIE: case MIP: break;
            case MTVEC: mtvec = v & ~3; break;
            case MSCRATCH: mscratch = v; break;
            case MEPC: mepc = v & ~3; break;
            case MCAUSE: mcause = v; break;
            case MTVAL: mtval = v; break;
            case MCYCLE: case MCYCLEH: {
                long now = cycleBase + order;
                long value = csr == Csr.MCYCLE ? (now & ~0xFFFF_FFFFL) | (v & 0xFFFF_FFFFL) : (now & 0xFFFF_FFFFL) | (long) v << 32;
                cycleBase = value - order - 1;
                return v;
            }
            case MINSTRET: case MINSTRETH: {
                // The write takes precedence over this instruction's own increment (RISC-V priv spec).
                long now = instretBase + order - traps;
                long value = csr == Csr.MINSTRET ? (now & ~0xFFFF_FFFFL) | (v & 0xFFFF_FFFFL) : (now & 0xFFFF_FFFFL) | (long) v << 32;
                instretBase = value - (order + 1) + traps;
                return v;
            }
            default:
                if (csr.xseed()) return tileUnit.writeCsr(csr, v);
                throw new IllegalStateException("write to read-only " + csr + " passed the decoder");
        }
        return readCsr(csr, order);
    }

    // ------------------------------------------------------------------ snapshots

    /** Architectural state (registers, pc, CSRs, counters, tiles, DRAM) for cheap restore. */
    public static final class Snapshot {
        private final int[] x;
        private final int pc, mstatus, mtvec, mscratch, mepc, mcause, mtval, windowLo, windowSpan, tohost, tohostValue;
        private final long order, traps, instretBase, cycleBase;
        private final boolean stopOnTrap, tohostEnabled;
        private final TileUnit.State tiles;
        private final Memory.Image memory;

        private Snapshot(Hart h) {
            x = h.x.clone();
            pc = h.pc;
            mstatus = h.mstatus; mtvec = h.mtvec; mscratch = h.mscratch; mepc = h.mepc; mcause = h.mcause; mtval = h.mtval;
            windowLo = h.windowLo; windowSpan = h.windowSpan; tohost = h.tohost; tohostValue = h.tohostValue;
            order = h.order; traps = h.traps; instretBase = h.instretBase; cycleBase = h.cycleBase;
            stopOnTrap = h.stopOnTrap; tohostEnabled = h.tohostEnabled;
            tiles = h.tileUnit.save();
            memory = h.mem.snapshot();
        }
    }

    public Snapshot snapshot() { return new Snapshot(this); }

    public void restore(Snapshot s) {
        System.arraycopy(s.x, 0, x, 0, x.length);
        pc = s.pc;
        mstatus = s.mstatus; mtvec = s.mtvec; mscratch = s.mscratch; mepc = s.mepc; mcause = s.mcause; mtval = s.mtval;
        windowLo = s.windowLo; windowSpan = s.windowSpan; tohost = s.tohost; tohostValue = s.tohostValue;
        order = s.order; traps = s.traps; instretBase = s.instretBase; cycleBase = s.cycleBase;
        stopOnTrap = s.stopOnTrap; tohostEnabled = s.tohostEnabled;
        tileUnit.restore(s.tiles);
        mem.restore(s.memory);
        mem.dropDecodeCache(); // the snapshot's window may be narrower than the current one
    }
}
