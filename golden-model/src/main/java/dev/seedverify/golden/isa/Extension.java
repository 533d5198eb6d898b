package dev.seedverify.golden.isa;

/** The ISA extension an instruction belongs to (spec §1, §2). */
public enum Extension { RV32I, M, ZICSR, ZIFENCEI, MACHINE, XSEED }
