// Multi-cycle multiply/divide unit of the S1 core (EX stage).
// Protocol: the EX stage raises `start` for one cycle with op/a/b while the unit is idle; the
// unit raises `done` with `result` some cycles later and holds it until `ack` (the instruction
// leaves EX), then returns to idle.
//   multiply: start, 1 compute cycle, done        -> 3 cycles in EX (2 stall cycles)
//   divide:   start, 32 restoring iterations, done -> 34 cycles in EX; divide by zero: 3 cycles
// Divide by zero and overflow follow the RISC-V M spec: x/0 = all ones, x%0 = x,
// INT_MIN / -1 = INT_MIN, INT_MIN % -1 = 0 (the latter falls out of the magnitude algorithm).
module s1_mdu
  import s1_core_pkg::*;
(
  input  logic        clk,
  input  logic        rst_n,
  input  logic        start,
  input  mdu_op_e     op,
  input  logic [31:0] a,
  input  logic [31:0] b,
  input  logic        ack,
  output logic        done,
  output logic [31:0] result
);

  typedef enum logic [1:0] { S_IDLE, S_MUL, S_DIV, S_DONE } state_e;

  state_e      state;
  mdu_op_e     op_q;
  logic [63:0] ma, mb;          // multiplier operands, sign- or zero-extended to 64 bits
  logic [31:0] quo, rem, dvs;   // divider: quotient (shifts in), partial remainder, divisor
  logic        neg_q, neg_r;
  logic [5:0]  count;

  // Multiplier: the low 64 bits of the product of the 64-bit extended operands are the exact
  // signed/unsigned/mixed 32x32 product.
  logic [63:0] product;
  assign product = ma * mb;

  // One restoring division step.
  logic [32:0] rem_shift, diff;
  assign rem_shift = {rem, quo[31]};
  assign diff = rem_shift - {1'b0, dvs};

  logic [31:0] quo_step, rem_step;
  always_comb begin
    if (!diff[32]) begin
      rem_step = diff[31:0];
      quo_step = {quo[30:0], 1'b1};
    end else begin
      rem_step = rem_shift[31:0];
      quo_step = {quo[30:0], 1'b0};
    end
  end

  logic signed_a, signed_b, is_div_op, is_rem_op;
  always_comb begin
    signed_a  = (op == MD_MULH) || (op == MD_MULHSU) || (op == MD_DIV) || (op == MD_REM);
    signed_b  = (op == MD_MULH) || (op == MD_DIV) || (op == MD_REM);
    is_div_op = (op == MD_DIV) || (op == MD_DIVU);
    is_rem_op = (op == MD_REM) || (op == MD_REMU);
  end

  assign done = (state == S_DONE);

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state  <= S_IDLE;
      op_q   <= MD_MUL;
      ma     <= '0;
      mb     <= '0;
      quo    <= '0;
      rem    <= '0;
      dvs    <= '0;
      neg_q  <= 1'b0;
      neg_r  <= 1'b0;
      count  <= '0;
      result <= '0;
    end else begin
      unique case (state)
        S_IDLE: if (start) begin
          op_q <= op;
          if (is_div_op || is_rem_op) begin
            if (b == 32'd0) begin
              result <= is_div_op ? 32'hFFFF_FFFF : a;
              state  <= S_DONE;
            end else begin
              quo   <= (signed_a && a[31]) ? -a : a;
              dvs   <= (signed_b && b[31]) ? -b : b;
              rem   <= '0;
              neg_q <= signed_a && (a[31] ^ b[31]);
              neg_r <= signed_a && a[31];
              count <= 6'd32;
              state <= S_DIV;
            end
          end else begin
            ma    <= {{32{signed_a && a[31]}}, a};
            mb    <= {{32{signed_b && b[31]}}, b};
            state <= S_MUL;
          end
        end
        S_MUL: begin
          result <= (op_q == MD_MUL) ? product[31:0] : product[63:32];
          state  <= S_DONE;
        end
        S_DIV: begin
          quo   <= quo_step;
          rem   <= rem_step;
          count <= count - 6'd1;
          if (count == 6'd1) begin
            if (op_q == MD_DIV || op_q == MD_DIVU) result <= neg_q ? -quo_step : quo_step;
            else                                   result <= neg_r ? -rem_step : rem_step;
            state <= S_DONE;
          end
        end
        S_DONE: if (ack) state <= S_IDLE;
        default: state <= S_IDLE;
      endcase
    end
  end

endmodule
