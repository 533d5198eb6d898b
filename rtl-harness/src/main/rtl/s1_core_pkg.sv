// Micro-architectural control encodings of the S1 control core (internal to the RTL).
// These are NOT ISA constants: opcodes, funct codes, CSR numbers and cause codes come from the
// generated seedchip_pkg. The decoder maps seedchip_pkg::insn_e onto these control fields.
package s1_core_pkg;

  // ALU operation (EX stage).
  typedef enum logic [3:0] {
    ALU_ADD, ALU_SUB, ALU_SLL, ALU_SLT, ALU_SLTU, ALU_XOR, ALU_SRL, ALU_SRA, ALU_OR, ALU_AND
  } alu_op_e;

  // ALU operand A source.
  typedef enum logic [1:0] { A_RS1, A_PC, A_ZERO } a_sel_e;
  // ALU operand B source.
  typedef enum logic [1:0] { B_RS2, B_IMM, B_FOUR } b_sel_e;

  // Branch condition.
  typedef enum logic [2:0] { BR_EQ, BR_NE, BR_LT, BR_GE, BR_LTU, BR_GEU } br_op_e;

  // Scalar memory access size.
  typedef enum logic [1:0] { SZ_B, SZ_H, SZ_W } mem_size_e;

  // Multiply/divide unit operation.
  typedef enum logic [2:0] {
    MD_MUL, MD_MULH, MD_MULHSU, MD_MULHU, MD_DIV, MD_DIVU, MD_REM, MD_REMU
  } mdu_op_e;

  // CSR instruction operation.
  typedef enum logic [1:0] { CSR_OP_W, CSR_OP_S, CSR_OP_C } csr_op_e;

  // Xseed tile-unit operation (spec §2.2).
  typedef enum logic [3:0] {
    XU_TLD, XU_TST, XU_TSTN,                         // tile rows <-> memory (multi-cycle, row beats)
    XU_TZERO, XU_GET, XU_PUT,                        // single cycle
    XU_MMA_I8, XU_MMA_E4M3, XU_ADD_I32, XU_MAX_I32,  // computed row by row into a result buffer,
    XU_RELU_I32, XU_ADD_F32, XU_QUANT_I8, XU_CVT_E4M3 //   then written to the destination tile
  } xu_op_e;

  // Instruction class: selects the EX-stage unit that produces the result and side effects.
  typedef enum logic [3:0] {
    C_ALU,      // lui, auipc, op, op-imm
    C_BRANCH,   // conditional branches
    C_JAL,
    C_JALR,
    C_LOAD,
    C_STORE,
    C_MDU,      // multi-cycle multiply/divide (EX holds until the unit is done)
    C_CSR,
    C_MRET,
    C_FENCEI,   // flushes and refetches younger instructions
    C_NOP,      // fence (fence.tso and reserved fm/pred/succ included), wfi
    C_XSEED,    // Xseed tile instruction: tile unit (s1_tile), EX holds until it is done
    C_TRAP      // the instruction traps unconditionally (fetch fault, illegal, ecall, ebreak)
  } iclass_e;

  // Decoded control of one instruction (ID -> EX).
  typedef struct packed {
    iclass_e   cls;
    alu_op_e   alu;
    a_sel_e    asel;
    b_sel_e    bsel;
    br_op_e    br;
    mem_size_e msize;
    logic      munsigned;   // lbu, lhu
    mdu_op_e   mdop;
    csr_op_e   csrop;
    logic      csr_imm;     // source is zimm (csrr*i)
    logic      csr_rd;      // the CSR instruction reads the CSR (not csrrw/csrrwi with rd = x0)
    logic      csr_wr;      // the CSR instruction writes the CSR (by its encoding)
    xu_op_e    xop;         // C_XSEED: tile-unit operation
    logic      wr_tile;     // writes the tile named by rd (seedchip_pkg::writes_tile)
  } ctrl_t;

endpackage
