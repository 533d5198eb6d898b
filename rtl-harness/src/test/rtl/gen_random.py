#!/usr/bin/env python3
"""Random RV32IM + Zicsr programs for the S1 RTL (hazard stress, diffed against the golden model).

The program is not self-checking: run_tests.sh compares its RTL commit trace with the golden
model's, record by record. Register choice is biased towards recently written registers so that
most instructions depend on one of the previous four (all forwarding paths, load-use and MUL/DIV
stalls). Traps (illegal, ecall, ebreak, misaligned and faulting accesses, misaligned jumps) are
mixed in; the handler resumes at mepc + 4.

usage: gen_random.py --seed N [--items N]
"""
import argparse
import random

POOL = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]   # x10..x17
BASE = "s2"                                                # data pointer, never written
TMP = "t1"                                                 # jalr target scratch
LOOP = "t2"                                                # loop counter
DATA_BYTES = 1024

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
    def __init__(self, rnd):
        self.r = rnd
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
            self.emit(f".word {self.r.choice(['0x00000000', '0xffffffff', '0x0000008f', '0x02001013', '0x0000005b', '0x00003003'])}")
        elif k < 0.65:
            self.emit(".word 0x002000ef")                 # jal ra, .+2: misaligned target
        elif k < 0.8:
            self.emit(f"csrw {self.r.choice(['misa', 'cycle', 'mhartid'])}, {self.rs()}")   # read-only
        else:
            self.emit(f"csrr {self.rd()}, {self.r.choice(['0x306', '0x7c8', '0xc01'])}")   # non-existent

    def misc(self):
        self.emit(self.r.choice(["fence", "fence.i", "wfi", "nop", "fence.tso"]))

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

    def item(self):
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
        o.append("        .section .text.init")
        o.append("        .globl _start")
        o.append("_start:")
        self.emit("la t0, handler")
        self.emit("csrw mtvec, t0")
        self.emit(f"la {BASE}, data")
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
        return "\n".join(o) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--items", type=int, default=600)
    a = ap.parse_args()
    print(Gen(random.Random(a.seed)).program(a.items), end="")


if __name__ == "__main__":
    main()
