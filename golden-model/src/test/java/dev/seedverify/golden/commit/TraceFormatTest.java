package dev.seedverify.golden.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.TrapCause;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trace text, from a record (reports) and streamed from a log (s1run --trace), equals the
 * layout written with String.format (the oracle below, the original implementation), over
 * records with every kind of effect.
 */
class TraceFormatTest {

    /** The trace line as first specified: fixed-width fields by String.format. */
    static String oracle(CommitRecord r) {
        StringBuilder s = new StringBuilder();
        String dis = r.trap() && r.cause() == TrapCause.FETCH_ACCESS.code() ? "(fetch fault)"
                : Disassembler.disassemble(r.insn(), r.pc()).replace('\t', ' ');
        s.append(String.format("%8d %08x %08x  %-28s", r.order(), r.pc(), r.insn(), dis));
        if (r.trap()) {
            TrapCause c = TrapCause.of(r.cause());
            s.append(String.format(" trap %s (cause %d) tval=0x%08x -> %08x",
                    c == null ? "?" : c.name().toLowerCase(Locale.ROOT), r.cause(), r.tval(), r.pcNext()));
            return s.toString().stripTrailing();
        }
        if (r.rdAddr() != 0) s.append(String.format(" %s=0x%08x", Gpr.name(r.rdAddr()), r.rdWdata()));
        for (CommitRecord.MemoryAccess a : r.memory()) {
            boolean w = a.isWrite();
            int[] data = w ? a.wdata() : a.rdata();
            int mask = w ? a.wmask() : a.rmask();
            String maskText = Integer.bitCount(mask) > 4 ? Integer.bitCount(mask) + "B" : Integer.toBinaryString(mask | 0x10).substring(1);
            s.append(String.format(" mem%s[0x%08x/%s]=", w ? "W" : "R", a.addr(), maskText));
            for (int i = data.length - 1; i >= 0; i--) s.append(String.format("%08x", data[i]));
        }
        if (r.csrAddr() != null) {
            Csr c = Csr.byAddress(r.csrAddr());
            String name = c == null ? String.format("0x%03x", r.csrAddr()) : c.mnemonic();
            if (r.csrRead()) s.append(String.format(" %s->0x%08x", name, r.csrRdata()));
            if (r.csrWrite()) s.append(String.format(" %s<-0x%08x", name, r.csrWdata()));
        }
        if (r.tileWrite()) s.append(" m").append(r.tileIndex()).append(" written");
        if (r.pcNext() != r.pc() + 4) s.append(String.format(" -> %08x", r.pcNext()));
        return s.toString().stripTrailing();
    }

    /** Loads, stores of every width, CSRs, traps (illegal, misaligned, fetch), tiles, jumps. */
    static final String PROGRAM = """
            _start:
                la t0, handler
                csrw mtvec, t0
                la s0, buf
                li s1, 40
            loop:
                lw a0, 0(s0)
                lh a1, 2(s0)
                lbu a2, 3(s0)
                sb a2, 1(s0)
                sh a1, 6(s0)
                sw a0, 8(s0)
                addi a0, a0, 0x123
                csrrs a3, mscratch, a0
                csrr a4, minstret
                tput m1, a0, s1
                tld m2, (s0), zero
                tstn m2, (s0), zero
                tst m1, (s0), zero
                tadd.f32 m3, m1, m2
                lw a5, 1(s0)
                .word 0
                li t1, 0x7000
                jalr t1
                addi s1, s1, -1
                bnez s1, loop
            spin: j spin
            handler:
                csrr t2, mepc
                csrr t3, mcause
                li t4, 1
                bne t3, t4, skip
                mv t2, ra
                addi t2, t2, -4
            skip:
                addi t2, t2, 4
                csrw mepc, t2
                mret
                .align 5
            buf: .word 0x80ff7f01, 0xdeadbeef, 0, 0, 0, 0, 0, 0
            """;

    @Test
    void linesFromRecordsAndFromTheLogEqualTheOracle() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, Assembler.assemble(PROGRAM, "trace.S"));
        CommitLog log = new CommitLog(3000);
        h.setCommitLog(log);
        h.run(3000);
        TraceFormat.Stream stream = new TraceFormat.Stream();
        StringBuilder streamed = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int traps = 0, csr = 0, tiles = 0, mem = 0;
        for (int i = 0; i < log.size(); i++) {
            CommitRecord r = log.get(i);
            assertThat(TraceFormat.line(r)).isEqualTo(oracle(r));
            stream.append(log, i, streamed);
            expected.append(oracle(r)).append('\n');
            traps += r.trap() ? 1 : 0;
            csr += r.csrAddr() != null ? 1 : 0;
            tiles += r.tileWrite() ? 1 : 0;
            mem += r.memory().size();
        }
        assertThat(streamed.toString()).isEqualTo(expected.toString());
        assertThat(traps).isGreaterThan(3);
        assertThat(csr).isGreaterThan(3);
        assertThat(tiles).isGreaterThan(3);
        assertThat(mem).isGreaterThan(10);
    }

    @Test
    void unusualFieldValuesRenderLikeTheOracle() {
        SplittableRandom rnd = new SplittableRandom(7);
        CommitLog log = new CommitLog(1);
        TraceFormat.Stream stream = new TraceFormat.Stream();
        for (int n = 0; n < 5_000; n++) {
            log.clear();
            long order = n % 3 == 0 ? rnd.nextLong(1L << 40) : rnd.nextInt(1000);
            int pc = rnd.nextInt(), insn = rnd.nextInt();
            log.begin(order, pc, insn);
            switch (rnd.nextInt(5)) {
                case 0 -> log.trap(rnd.nextInt(16), rnd.nextInt());
                case 1 -> log.rd(rnd.nextInt(32), rnd.nextInt());
                case 2 -> {
                    int a = rnd.nextInt(0x1000);
                    log.csrRead(a, rnd.nextInt());
                    if (rnd.nextBoolean()) log.csrWrite(a, rnd.nextInt());
                }
                case 3 -> log.scalarAccess(rnd.nextInt(), 1 << rnd.nextInt(3), rnd.nextBoolean(), rnd.nextInt());
                default -> { }
            }
            log.end(rnd.nextBoolean() ? pc + 4 : rnd.nextInt());
            CommitRecord r = log.get(0);
            StringBuilder s = new StringBuilder();
            stream.append(log, 0, s);
            assertThat(s.toString()).isEqualTo(oracle(r) + "\n");
            assertThat(TraceFormat.line(r)).isEqualTo(oracle(r));
        }
    }
}
