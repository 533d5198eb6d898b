#!/usr/bin/env python3
"""Random RV32IM + Zicsr programs for the S1 RTL (hazard stress, diffed against the golden model).

The program is not self-checking: run_tests.sh compares its RTL commit trace with the golden
model's, record by record. Register choice is biased towards recently written registers so that
most instructions depend on one of the previous four (all forwarding paths, load-use and MUL/DIV
stalls). Traps (illegal, ecall, ebreak, misaligned and faulting accesses, misaligned jumps) are
mixed in; the handler resumes at mepc + 4.

With --xseed, a third of the items are Xseed tile sequences on random data (tile data biased
towards INT8 extremes, E4M3 NaN / max / subnormal codes and binary32 specials): tld / tst / tstn
with random strides (0, negative, overlapping, large) around a tile data area, sometimes
misaligned or outside DRAM (precise faults), every compute op on random tile indices (so
operands alias the destination at random), tget / tput with hazard-biased GPRs, Xseed CSR writes
(scales incl. 0xFF, requant parameters incl. out-of-range values for the WARL clamps), xsstat
reads and clears, and illegal Xseed words.

usage: gen_random.py --seed N [--items N] [--xseed]
"""
import argparse
import random

POOL = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]   # x10..x17
BASE = "s2"                                                # data pointer, never written
TMP = "t1"                                                 # jalr target scratch
LOOP = "t2"                                                # loop counter
DATA_BYTES = 1024
TBASE = "s3"                                               # middle of the tile data area, never written
TDATA_BYTES = 4096
DRAM_END = 0x80100000

# Xseed instructions are written with the macros of the generated xseed.h (XseedHeader: the
# encodings come from the golden model's ISA table), by operand shape.
XS_DAB = ["TMMA_I8", "TMMA_E4M3", "TADD_I32", "TMAX_I32", "TADD_F32"]
XS_DA = ["TRELU_I32", "TQUANT_I8", "TCVT_E4M3"]
XS_MEM = ["TLD", "TST", "TSTN"]
F32_SPECIAL = [0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001, 0xFFC00001,
               0x00000001, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000,
               0x43E00000, 0x43E80000, 0x43F00000, 0x3A800000, 0x3A000000, 0xC3E80001]
E4M3_SPECIAL = [0x7F, 0xFF, 0x7E, 0xFE, 0x00, 0x80, 0x01, 0x81, 0x07, 0x08, 0x38, 0xB8]
I8_SPECIAL = [0x80, 0x7F, 0x81, 0xFF, 0x00, 0x01]

ALU_RR = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"]
ALU_RI = ["addi", "slti", "sltiu", "xori", "ori", "andi"]
SHIFT_I = ["slli", "srli", "srai"]
MDU = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
BRANCH = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
LOADS = [("lb", 1), ("lbu", 1), ("lh", 2), ("lhu", 2), ("lw", 4)]
STORES = [("sb", 1), ("sh", 2), ("sw", 4)]
CSRS_RW = ["mscratch", "mtval", "mcause", "mepc", "0x7c0", "0x7c1", "0x7c2", "0x7c3", "0x7c4", "0x7c7"]
CSRS_RO = ["misa", "minstret", "instret", "minstreth", "mcycle", "cycle", "mhartid", "mstatus"]
SPECIAL = ["0x00000000", "0xffffffff", "0x80000000", "0x7fffffff", "0x00000001", "0xfffffffe"]


class Gen:
    def __init__(self, rnd, xseed=False):
        self.r = rnd
        self.xseed = xseed
        self.recent = []          # most recently written pool registers
        self.out = []
        self.pending = []         # [countdown, label]
        self.nlabel = 0

    def label(self):
        self.nlabel += 1
        return f"L{self.nlabel}"

    def emit(self, s):
        self.out.append("        " + s)

    def rd(self):
        if self.r.random() < 0.04:
            return "x0"
        reg = self.r.choice(POOL)
        self.recent = ([reg] + [x for x in self.recent if x != reg])[:4]
        return reg

    def rs(self):
        x = self.r.random()
        if x < 0.05:
            return "x0"
        if x < 0.75 and self.recent:
            return self.r.choice(self.recent[:2] if self.r.random() < 0.6 else self.recent)
        return self.r.choice(POOL)

    def imm12(self):
        return self.r.choice([0, 1, -1, 2047, -2048, self.r.randint(-2048, 2047)])

    def mem_off(self, size):
        x = self.r.random()
        if x < 0.04 and size > 1:
            return self.r.randrange(0, DATA_BYTES - 4) | 1, BASE        # misaligned
        if x < 0.06:
            return self.r.randrange(0, 2048, size), "x0"               # access fault (low memory)
        return self.r.randrange(0, DATA_BYTES, size), BASE

    # ---------------------------------------------------------------- items
    def alu(self):
        k = self.r.random()
        if k < 0.4:
            self.emit(f"{self.r.choice(ALU_RR)} {self.rd_after()}, {self.rs()}, {self.rs()}")
        elif k < 0.7:
            self.emit(f"{self.r.choice(ALU_RI)} {self.rd_after()}, {self.rs()}, {self.imm12()}")
        elif k < 0.85:
            self.emit(f"{self.r.choice(SHIFT_I)} {self.rd_after()}, {self.rs()}, {self.r.randint(0, 31)}")
        elif k < 0.93:
            self.emit(f"lui {self.rd_after()}, {self.r.randint(0, 0xfffff)}")
        else:
            self.emit(f"auipc {self.rd_after()}, {self.r.randint(0, 0xfffff)}")

    def rd_after(self):
        # sources are chosen before the destination enters `recent`
        return self.rd()

    def load(self):
        op, size = self.r.choice(LOADS)
        off, base = self.mem_off(size)
        self.emit(f"{op} {self.rd()}, {off}({base})")

    def store(self):
        op, size = self.r.choice(STORES)
        off, base = self.mem_off(size)
        self.emit(f"{op} {self.rs()}, {off}({base})")

    def mdu(self):
        a, b = self.rs(), self.rs()
        self.emit(f"{self.r.choice(MDU)} {self.rd()}, {a}, {b}")

    def csr(self):
        k = self.r.random()
        if k < 0.35:
            self.emit(f"csrr {self.rd()}, {self.r.choice(CSRS_RO + CSRS_RW)}")
        elif k < 0.75:
            op = self.r.choice(["csrrw", "csrrs", "csrrc"])
            src = self.rs()
            self.emit(f"{op} {self.rd()}, {self.r.choice(CSRS_RW)}, {src}")
        elif k < 0.95:
            op = self.r.choice(["csrrwi", "csrrsi", "csrrci"])
            self.emit(f"{op} {self.rd()}, {self.r.choice(CSRS_RW)}, {self.r.randint(0, 31)}")
        else:
            self.emit(f"csrw {self.r.choice(['minstret', 'minstreth', 'mcycle', 'mstatus'])}, {self.rs()}")

    def branch(self):
        lab = self.label()
        k = self.r.random()
        if k < 0.7:
            self.emit(f"{self.r.choice(BRANCH)} {self.rs()}, {self.rs()}, {lab}")
        elif k < 0.85:
            self.emit(f"jal {self.rd()}, {lab}")
        else:
            self.emit(f"la {TMP}, {lab}")
            if self.r.random() < 0.5:
                self.emit(f"addi {TMP}, {TMP}, 1")       # bit 0 is ignored by jalr
            self.emit(f"jalr {self.rd()}, 0({TMP})")
        self.pending.append([self.r.randint(1, 4), lab])

    def trap(self):
        k = self.r.random()
        if k < 0.25:
            self.emit(self.r.choice(["ecall", "ebreak"]))
        elif k < 0.5:
            self.emit(f".word {self.r.choice(['0x00000000', '0xffffffff', '0x0000200f', '0x02001013', '0x0000005b', '0x00003003'])}")
        elif k < 0.65:
            self.emit(".word 0x002000ef")                 # jal ra, .+2: misaligned target
        elif k < 0.8:
            self.emit(f"csrw {self.r.choice(['misa', 'cycle', 'mhartid'])}, {self.rs()}")   # read-only
        else:
            self.emit(f"csrr {self.rd()}, {self.r.choice(['0x306', '0x7c8', '0xc01'])}")   # non-existent

    def misc(self):
        if self.r.random() < 0.8:
            self.emit(self.r.choice(["fence", "fence.i", "wfi", "nop", "fence.tso"]))
        else:
            # spec §1: funct3 000 is a fence whatever its fm, sets, rs1, rd; 001 fence.i whatever its imm, rs1, rd
            funct3 = self.r.randint(0, 1)
            self.emit(f".word {hex(self.r.getrandbits(17) << 15 | funct3 << 12 | self.r.getrandbits(5) << 7 | 0x0F)}")

    def straight(self):
        k = self.r.random()
        if k < 0.35:
            self.alu()
        elif k < 0.55:
            self.load()
        elif k < 0.68:
            self.store()
        elif k < 0.80:
            self.mdu()
        elif k < 0.90:
            self.csr()
        elif k < 0.96:
            self.trap()
        else:
            self.misc()

    def loop(self):
        top = self.label()
        self.emit(f"li {LOOP}, {self.r.randint(1, 4)}")
        self.out.append(f"{top}:")
        for _ in range(self.r.randint(1, 6)):
            self.straight()
        self.emit(f"addi {LOOP}, {LOOP}, -1")
        self.emit(f"bnez {LOOP}, {top}")

    def back_not_taken(self):
        # a backward branch that is never taken (equal operands): predicted taken, mispredicted
        back = [l for l in self.out if l.startswith("L") and l.endswith(":")]
        if not back:
            self.alu()
            return
        reg = self.rs()
        self.emit(f"{self.r.choice(['bne', 'blt', 'bltu'])} {reg}, {reg}, {self.r.choice(back)[:-1]}")

    # ---------------------------------------------------------------- Xseed items
    def tile(self):
        return str(self.r.randrange(8))

    def xs(self, macro, *operands):
        self.emit(f"{macro}({', '.join(operands)})")

    def xs_mem(self):
        name = self.r.choice(XS_MEM)
        k = self.r.random()
        if k < 0.70:
            # rows inside the tile data area: |offset| + 7 |stride| + 32 <= TDATA_BYTES / 2
            stride = self.r.choice([0, 4, 8, 32, 32, 36, -32, -4, 64, -68, 256, -256,
                                    4 * self.r.randint(-64, 64)])
            off = 4 * self.r.randint(-48, 48)
            self.emit(f"addi t3, {TBASE}, {off}")
            self.emit(f"li t4, {stride}")
            base, strd = "t3", "t4"
        elif k < 0.80:
            # misaligned base or stride
            off = 4 * self.r.randint(-48, 48) + self.r.choice([0, 1, 2, 3])
            stride = self.r.choice([1, 2, 3, 30, -2, 32 + 2 * self.r.randint(0, 8)])
            if off % 4 == 0 and stride % 4 == 0:
                stride += 2
            self.emit(f"addi t3, {TBASE}, {off}")
            self.emit(f"li t4, {stride}")
            base, strd = "t3", "t4"
        elif k < 0.93:
            # outside DRAM / straddling its end in some row / wrapping
            b, st = self.r.choice([
                (DRAM_END - 16, 0), (DRAM_END - 256 + 4, 32), (DRAM_END - 32 * self.r.randint(1, 8), 32),
                (DRAM_END - 8, 0), (DRAM_END - 4 - 8 * self.r.randint(0, 7), 8), (0x80000000 + 64, -32),
                (0x80000000, 0x80000000), (0x1000, 32), (0xFFFFFFE0, 32), (0x7FFFFFE0, 32),
                (DRAM_END - 32, 0), (DRAM_END - 256, 32)])
            self.emit(f"li t3, {hex(b)}")
            self.emit(f"li t4, {st}")
            base, strd = "t3", "t4"
        elif name == "TLD":
            # hazard-biased pool registers as base / stride (mostly faults)
            base, strd = self.rs(), self.rs()
        else:
            # stores: a pool register (hazard) only as a small stride from the tile data area, so
            # that a store never reaches code (code written without fence.i is implementation-
            # defined for fetch)
            self.emit(f"andi t4, {self.rs()}, 0x7c")
            self.emit(f"addi t3, {TBASE}, {4 * self.r.randint(-48, 48)}")
            base, strd = "t3", "t4"
        self.xs(name, self.tile(), base, strd)

    def xs_item(self):
        k = self.r.random()
        if k < 0.28:
            self.xs_mem()
        elif k < 0.55:
            self.xs(self.r.choice(XS_DAB), self.tile(), self.tile(), self.tile())
        elif k < 0.67:
            self.xs(self.r.choice(XS_DA), self.tile(), self.tile())
        elif k < 0.70:
            self.xs("TZERO", self.tile())
        elif k < 0.78:
            idx = self.rs()
            self.xs("TGET", self.rd(), self.tile(), idx)
        elif k < 0.84:
            self.xs("TPUT", self.tile(), self.rs(), self.rs())
        elif k < 0.94:
            self.xs_csr()
        elif k < 0.97:
            # scalar accesses to the tile data area (store-to-tile-load ordering)
            off = 4 * self.r.randint(-64, 63)
            if self.r.random() < 0.5:
                self.emit(f"sw {self.rs()}, {off}({TBASE})")
            else:
                self.emit(f"lw {self.rd()}, {off}({TBASE})")
        else:
            f3, f7, rd, rs1, rs2 = self.r.choice([
                (0, 0, 8 + self.r.randrange(24), 5, 6), (1, 1, 3, 8 + self.r.randrange(24), 2),
                (1, 6, 3, 2, 8 + self.r.randrange(24)), (1, 0, 2, 1, 0), (1, 0, 2, 0, 3),
                (1, 5, 2, 3, 1), (2, 0, 1, 2, 4), (2, 1, 3, 4, 31), (3, 0, 10, 9, 11),
                (2, 2, 1, 1, 1), (0, 3, 1, 1, 1), (1, 7, 1, 1, 1), (5, 0, 1, 1, 1)])
            # an illegal word in the Xseed opcode space: reserved fields, tile fields >= 8, undefined functs
            self.emit(f".word ({f7} << 25) | ({rs2} << 20) | ({rs1} << 15) | ({f3} << 12) | ({rd} << 7) | XS_OPCODE")

    def xs_csr(self):
        k = self.r.random()
        if k < 0.45:
            csr = self.r.choice(["0x7c4", "0x7c5", "0x7c6", "0x7c7"])
            v = 0
            for b in range(4):
                v |= self.r.choice([self.r.randint(100, 154), self.r.randint(100, 154), 127, 0xFF, 0, 1,
                                    254, self.r.randrange(256)]) << (8 * b)
            self.emit(f"li t5, {hex(v)}")
            self.emit(f"csrw {csr}, t5")
        elif k < 0.75:
            csr, v = self.r.choice([
                ("0x7c1", self.r.choice([0x40000000, 0x7FFFFFFF, 0x80000000, 1, self.r.getrandbits(32),
                                        0x50000000 + self.r.getrandbits(24)])),
                ("0x7c2", self.r.choice([self.r.randint(-31, 30), self.r.randint(-40, 40), -100, 0x7FFFFFFF,
                                        0x80000000, 0])),
                ("0x7c3", self.r.choice([self.r.randint(-128, 127), self.r.randint(-300, 300), 0]))])
            self.emit(f"li t5, {v if isinstance(v, int) and v < 0 else hex(v)}")
            self.emit(f"csrw {csr}, t5")
        elif k < 0.9:
            self.emit(f"csrr {self.rd()}, 0x7c0")
        else:
            self.emit(self.r.choice(["csrw 0x7c0, x0", "csrrci x0, 0x7c0, 1", "csrrsi x0, 0x7c0, 2"]))

    def tdata_word(self):
        k = self.r.random()
        if k < 0.2:
            return self.r.choice(F32_SPECIAL)
        if k < 0.35:
            return (self.r.getrandbits(32) & 0x87FFFFFF) | (self.r.choice([0x38, 0x40, 0x30, 0x08]) << 24)
        if k < 0.6:
            return sum(self.r.choice(E4M3_SPECIAL + [self.r.randrange(256)] * 6) << (8 * b) for b in range(4))
        if k < 0.75:
            return sum(self.r.choice(I8_SPECIAL + [self.r.randrange(256)] * 2) << (8 * b) for b in range(4))
        if k < 0.85:
            return self.r.choice([0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0, 1, self.r.randint(0, 300),
                                  (-self.r.randint(1, 300)) & 0xFFFFFFFF])
        return self.r.getrandbits(32)

    def item(self):
        if self.xseed and self.r.random() < 0.33:
            self.xs_item()
            return
        k = self.r.random()
        if k < 0.15:
            self.branch()
        elif k < 0.18:
            self.back_not_taken()
        elif k < 0.23:
            self.loop()
        else:
            self.straight()
        for p in self.pending:
            p[0] -= 1
        for p in [p for p in self.pending if p[0] <= 0]:
            self.out.append(f"{p[1]}:")
            self.pending.remove(p)

    def program(self, items):
        o = self.out
        o.append("// generated by gen_random.py")
        o.append('#include "xseed.h"')
        o.append("        .section .text.init")
        o.append("        .globl _start")
        o.append("_start:")
        self.emit("la t0, handler")
        self.emit("csrw mtvec, t0")
        self.emit(f"la {BASE}, data")
        if self.xseed:
            self.emit(f"la {TBASE}, tdata + {TDATA_BYTES // 2}")
            self.emit("li t4, 32")
            for t in range(8):
                # every tile starts with random data from the tile data area
                self.emit(f"addi t3, {TBASE}, {256 * t - TDATA_BYTES // 2}")
                self.xs("TLD", str(t), "t3", "t4")
        for reg in POOL:
            v = self.r.choice(SPECIAL + [hex(self.r.getrandbits(32))] * 3)
            self.emit(f"li {reg}, {v}")
        for _ in range(items):
            self.item()
        for p in self.pending:
            o.append(f"{p[1]}:")
        self.emit("li t6, 1")
        self.emit("la t5, tohost")
        self.emit("sw t6, 0(t5)")
        o.append("1:      j 1b")
        o.append("handler:")
        self.emit("csrr t6, mepc")
        self.emit("addi t6, t6, 4")
        self.emit("csrw mepc, t6")
        self.emit("mret")
        o.append("        .section .tohost, \"aw\", @progbits")
        o.append("        .align 6")
        o.append("        .globl tohost")
        o.append("tohost: .word 0, 0")
        o.append("        .data")
        o.append("        .align 6")
        o.append("data:")
        for _ in range(DATA_BYTES // 4):
            o.append(f"        .word {hex(self.r.getrandbits(32))}")
        if self.xseed:
            o.append("        .align 6")
            o.append("tdata:")
            for _ in range(TDATA_BYTES // 4):
                o.append(f"        .word {hex(self.tdata_word())}")
        return "\n".join(o) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--items", type=int, default=600)
    ap.add_argument("--xseed", action="store_true", help="mix Xseed tile sequences in")
    a = ap.parse_args()
    print(Gen(random.Random(a.seed), a.xseed).program(a.items), end="")


if __name__ == "__main__":
    main()
