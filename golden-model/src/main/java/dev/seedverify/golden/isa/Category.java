package dev.seedverify.golden.isa;

/** What an instruction does, for generators and coverage. */
public enum Category {
    UPPER, JUMP, BRANCH, LOAD, STORE, ALU_IMM, SHIFT_IMM, ALU, MUL_DIV, FENCE, SYSTEM, CSR,
    TILE_LOAD, TILE_STORE, TILE_COMPUTE, TILE_MOVE
}
