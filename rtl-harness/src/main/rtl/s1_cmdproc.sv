// Command processor of the S1 device (spec §4): MMIO registers, the command ring, LAUNCH of kernels
// on the core, COPY / FILL through the DMA engine (s1_dma), completion records, the irq output,
// the host memory port and the device event port for the harness (spec §5). The readings of the
// spec it implements are those of the project's device design (README "Readings of the
// specification"); every number comes from the generated s1_device_pkg.
//
// Command FSM (one command at a time, ring entries in order):
//   S_IDLE    command mode, QERR clear and CQ_HEAD != CQ_TAIL: start entry CQ_HEAD (BUSY = 1)
//   S_FETCH   read the 32-byte descriptor at CQ_BASE + 32 * CQ_HEAD (one wide read)
//   S_DECODE  latch it; checks in the spec's order: BAD_COMMAND (opcode, flags, unused words),
//             BAD_ADDRESS (alignment, empty window, ranges inside DRAM); the completion address
//             check is separate. Then: LAUNCH -> S_LAUNCH; COPY / FILL with len > 0 -> S_DMA;
//             everything else (NOP, zero length, failed checks) -> S_COMP
//   S_LAUNCH  `launch` to the idle core for one cycle (GPRs, tiles, Xseed CSRs reset; pc, sp, a0,
//             window, budget loaded)
//   S_RUN     wait for the core to stop (first trap or budget) and drain; capture status, x10 or
//             mcause / mtval, retired instructions
//   S_DMA     wait for the DMA's last write; then a DMA_WRITE event
//   S_COMP    write the 16-byte completion record (one masked wide write) unless its address is
//             bad; then, at once: DONE_COUNT += 1, CQ_HEAD advances, IRQ_STATUS |= DONE (| ERROR),
//             the COMPLETION event, BUSY = 0
//
// DRAM access: one device request per cycle on the wide port, performed when the core's tile unit
// leaves the port free (not x_busy); the host memory port comes first, then the FSM or the DMA.
//
// Simulation speed: everything here runs on `dclk`, a latch-gated copy of clk enabled only while
// the device has something to do (an MMIO or host access, a command in flight other than a
// running kernel, work in the ring, a pulse to clear) or the running kernel's core has just gone
// idle. In bare mode and while a kernel runs, no block of the device is evaluated.
module s1_cmdproc
  import seedchip_pkg::*;
  import s1_device_pkg::*;
#(
  parameter int DRAM_BYTES = 1 << 20
) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic          cmd_mode,       // sampled while rst_n is low

  // host MMIO port: one word access per request, performed at the next edge, ack for one cycle
  input  logic          mmio_valid,
  input  logic          mmio_write,
  input  logic [7:0]    mmio_addr,
  input  logic [31:0]   mmio_wdata,
  output logic          mmio_ack,
  output logic [31:0]   mmio_rdata,

  // host memory port: one DRAM word per request (byte mask; 0 = read), ack for one cycle
  input  logic          host_valid,
  input  logic [3:0]    host_wmask,
  input  logic [31:0]   host_addr,
  input  logic [31:0]   host_wdata,
  output logic          host_ack,
  output logic [31:0]   host_rdata,

  output logic          irq,

  // device events (one cycle each)
  output logic          ev_valid,
  output logic [1:0]    ev_kind,
  output logic [31:0]   ev_index,
  output logic [31:0]   ev_addr,
  output logic [31:0]   ev_arg,
  output logic [31:0]   ev_w0,
  output logic [31:0]   ev_w1,
  output logic [31:0]   ev_w2,
  output logic [31:0]   ev_w3,
  output logic          dev_idle,       // command mode, nothing executing, nothing to consume
  output logic          dev_xfer,       // the FSM or the DMA performed a DRAM access (progress)

  // core
  output logic          launch,
  output logic [31:0]   launch_pc,
  output logic [31:0]   launch_sp,
  output logic [31:0]   launch_a0,
  output logic [31:0]   launch_lo,
  output logic [31:0]   launch_hi,
  output logic [31:0]   launch_budget,
  input  logic          core_idle,
  input  logic          core_watchdog,
  input  logic [31:0]   core_budget_left,
  input  logic [31:0]   core_x10,
  input  logic [31:0]   core_mcause,
  input  logic [31:0]   core_mtval,

  // DRAM wide port, device side
  output logic          x_clk,
  output logic          x_req,
  output logic          x_we,
  output logic [31:0]   x_wmask,
  output logic [31:0]   x_addr,
  output logic [255:0]  x_wdata,
  input  logic          x_busy,         // the tile unit uses the port this cycle (else a request is performed)
  input  logic [255:0]  x_rdata
);

  localparam int OPC_W  = HEADER_FLAGS_LSB - HEADER_OPCODE_LSB;
  localparam int FLAG_W = HEADER_TAG_LSB - HEADER_FLAGS_LSB;
  localparam int TAG_W  = 32 - HEADER_TAG_LSB;
  localparam logic [31:0] COMP_MASK = 32'((64'd1 << COMPLETION_BYTES) - 64'd1);
  localparam logic [63:0] DRAM_END  = 64'(DRAM_BASE) + 64'(DRAM_BYTES);

  // ---------------------------------------------------------------- state
  typedef enum logic [2:0] { S_IDLE, S_FETCH, S_DECODE, S_LAUNCH, S_RUN, S_DMA, S_COMP } state_e;

  state_e       state;
  logic         cmd_q;                          // command mode
  logic [31:0]  cq_base, cq_entries, cq_tail, cq_head, done_count;
  logic [1:0]   irq_status, irq_enable;
  logic         qerr;
  logic [31:0]  desc [DESCRIPTOR_WORDS];
  logic [31:0]  cur_index, budget;
  status_e      st;
  logic         comp_ok;                        // the completion address is good
  logic [31:0]  comp [COMPLETION_WORDS];
  logic         dma_start, xfer_q;
  // host memory request being served
  logic         hq_v, hq_we;
  logic [3:0]   hq_wmask;
  logic [31:0]  hq_addr, hq_wdata;

  // ---------------------------------------------------------------- rules (spec §4)
  // [a, a + n) lies inside DRAM (64-bit arithmetic; n = 0 allows a = the DRAM end).
  function automatic logic in_dram(input logic [31:0] a, input logic [32:0] n);
    return (64'(a) >= 64'(DRAM_BASE)) && (64'(a) + 64'(n) <= DRAM_END);
  endfunction

  // QERR: the ring configuration is invalid.
  function automatic logic ring_bad(input logic [31:0] base, input logic [31:0] entries);
    if (entries == 32'd0 || (entries & (entries - 32'd1)) != 32'd0 || entries > 32'(RING_MAX_ENTRIES)) return 1'b1;
    if ((base & 32'(RING_ALIGN - 1)) != 32'd0) return 1'b1;
    return !in_dram(base, 33'(64'(entries) * 64'(DESCRIPTOR_BYTES)));
  endfunction

  // Descriptor checks in the spec's order: BAD_COMMAND, then BAD_ADDRESS.
  function automatic status_e check(input logic [31:0] w0, input logic [31:0] w1, input logic [31:0] w2,
                                    input logic [31:0] w3, input logic [31:0] w4, input logic [31:0] w5,
                                    input logic [31:0] w6);
    logic [7:0]  used;
    logic [31:0] w [DESCRIPTOR_WORDS];
    logic        bad;
    w[0] = w0; w[1] = w1; w[2] = w2; w[3] = w3; w[4] = w4; w[5] = w5; w[6] = w6; w[7] = '0;
    bad = 1'b0;
    unique case (w0[HEADER_OPCODE_LSB +: OPC_W])
      OP_LAUNCH: used = DESC_USED_LAUNCH;
      OP_COPY:   used = DESC_USED_COPY;
      OP_FILL:   used = DESC_USED_FILL;
      OP_NOP:    used = DESC_USED_NOP;
      default: begin used = '1; bad = 1'b1; end
    endcase
    if (w0[HEADER_FLAGS_LSB +: FLAG_W] != '0) bad = 1'b1;
    for (int i = 1; i < DESC_W_COMPLETION; i++) if (!used[i] && w[i] != 32'd0) bad = 1'b1;
    if (bad) return ST_BAD_COMMAND;
    unique case (w0[HEADER_OPCODE_LSB +: OPC_W])
      OP_LAUNCH: begin
        if (((w[DESC_W_LAUNCH_ENTRY] | w[DESC_W_LAUNCH_SP] | w[DESC_W_LAUNCH_WINDOW_BASE] |
              w[DESC_W_LAUNCH_WINDOW_LIMIT]) & 32'(LAUNCH_ALIGN - 1)) != 32'd0) return ST_BAD_ADDRESS;
        if (w[DESC_W_LAUNCH_WINDOW_BASE] >= w[DESC_W_LAUNCH_WINDOW_LIMIT]) return ST_BAD_ADDRESS;
        if (!in_dram(w[DESC_W_LAUNCH_WINDOW_BASE],
                    33'(w[DESC_W_LAUNCH_WINDOW_LIMIT] - w[DESC_W_LAUNCH_WINDOW_BASE]))) return ST_BAD_ADDRESS;
      end
      OP_COPY: begin
        if (!in_dram(w[DESC_W_COPY_SRC], 33'(w[DESC_W_COPY_LENGTH])) ||
            !in_dram(w[DESC_W_COPY_DST], 33'(w[DESC_W_COPY_LENGTH]))) return ST_BAD_ADDRESS;
      end
      OP_FILL: begin
        if (!in_dram(w[DESC_W_FILL_DST], 33'(w[DESC_W_FILL_LENGTH]))) return ST_BAD_ADDRESS;
      end
      default: ;
    endcase
    return ST_OK;
  endfunction

  // ---------------------------------------------------------------- clock gate
  // act_q: the device needs its next edge. Set at every edge where anything was going on (a
  // command step other than a running kernel, work in the ring, a request, a pulse, a host
  // access): every change of state happens at such an edge, so the device keeps clocking until
  // an edge finds it quiescent (one edge more than needed), then stops until a host access or,
  // while a kernel runs (run_q), until the core is idle. The enable reads only registers and
  // inputs, so it costs the idle chip a few gates per half cycle.
  logic busy, work, act_q, run_q, en, en_l, dclk;
  assign busy = (state != S_IDLE);
  assign work = cmd_q && !qerr && (cq_head != cq_tail);
  assign en   = !rst_n || mmio_valid || host_valid || act_q || (run_q && core_idle);
  always_latch begin
    if (!clk) en_l = en;
  end
  assign dclk  = clk & en_l;
  assign x_clk = dclk;

  // ---------------------------------------------------------------- DRAM requests
  logic         dma_req, dma_we, dma_last;
  logic [31:0]  dma_wmask, dma_addr;
  logic [255:0] dma_wdata;
  logic         cp_req, fill_op;
  logic [31:0]  ring_addr;

  assign ring_addr = cq_base + cq_head * 32'(DESCRIPTOR_BYTES);
  assign cp_req    = (state == S_FETCH) || (state == S_COMP && comp_ok);
  assign x_req     = hq_v || cp_req || dma_req;
  assign x_we      = hq_v ? hq_we : cp_req ? (state == S_COMP) : dma_we;
  assign x_wmask   = hq_v ? {28'd0, hq_wmask} : cp_req ? COMP_MASK : dma_wmask;
  assign x_addr    = hq_v ? hq_addr : (state == S_FETCH) ? ring_addr
                   : (state == S_COMP) ? desc[DESC_W_COMPLETION] : dma_addr;
  assign x_wdata   = hq_v ? {224'd0, hq_wdata}
                   : cp_req ? {128'd0, comp[3], comp[2], comp[1], comp[0]} : dma_wdata;

  assign fill_op = (desc[DESC_W_HEADER][HEADER_OPCODE_LSB +: OPC_W] == OP_FILL);

  s1_dma u_dma (
    .clk       (dclk),
    .rst_n     (rst_n),
    .start     (dma_start),
    .fill      (fill_op),
    .src       (desc[DESC_W_COPY_SRC]),
    .dst       (fill_op ? desc[DESC_W_FILL_DST] : desc[DESC_W_COPY_DST]),
    .len       (fill_op ? desc[DESC_W_FILL_LENGTH] : desc[DESC_W_COPY_LENGTH]),
    .pattern   (desc[DESC_W_FILL_PATTERN]),
    .req       (dma_req),
    .req_we    (dma_we),
    .req_wmask (dma_wmask),
    .req_addr  (dma_addr),
    .req_wdata (dma_wdata),
    .fire_ok   (!hq_v),
    .port_busy (x_busy),
    .rdata     (x_rdata),
    .last      (dma_last)
  );

  // ---------------------------------------------------------------- outputs
  assign irq        = |(irq_status & irq_enable);
  assign host_rdata = x_rdata[31:0];          // word 0 of the read is the host's word
  assign dev_idle   = cmd_q && !busy && !work;
  assign dev_xfer   = xfer_q;
  assign launch_pc  = desc[DESC_W_LAUNCH_ENTRY];
  assign launch_sp  = desc[DESC_W_LAUNCH_SP];
  assign launch_a0  = desc[DESC_W_LAUNCH_A0];
  assign launch_lo  = desc[DESC_W_LAUNCH_WINDOW_BASE];
  assign launch_hi  = desc[DESC_W_LAUNCH_WINDOW_LIMIT];
  assign launch_budget = budget;

  // Completion word 0: status | tag << 16.
  function automatic logic [31:0] comp_head(input status_e s, input logic [TAG_W-1:0] tag);
    return 32'(s) | (32'(tag) << COMP_TAG_LSB);
  endfunction

  function automatic logic [31:0] status_word(input logic busy_bit, input logic qerr_bit);
    logic [31:0] v;
    v = '0;
    v[STATUS_BUSY_BIT] = busy_bit;
    v[STATUS_QERR_BIT] = qerr_bit;
    return v;
  endfunction

  function automatic logic [31:0] irq_word(input logic [1:0] bits);
    logic [31:0] v;
    v = '0;
    v[IRQ_DONE_BIT]  = bits[0];
    v[IRQ_ERROR_BIT] = bits[1];
    return v;
  endfunction

  function automatic logic [1:0] irq_bits(input logic [31:0] v);
    return {v[IRQ_ERROR_BIT], v[IRQ_DONE_BIT]};
  endfunction

  // ---------------------------------------------------------------- registers and FSM
  always_ff @(posedge dclk) begin
    if (!rst_n) begin
      state      <= S_IDLE;
      act_q      <= 1'b1;
      run_q      <= 1'b0;
      cmd_q      <= cmd_mode;
      cq_base    <= '0;
      cq_entries <= '0;
      cq_tail    <= '0;
      cq_head    <= '0;
      done_count <= '0;
      irq_status <= '0;
      irq_enable <= '0;
      qerr       <= STATUS_RESET[STATUS_QERR_BIT];
      for (int i = 0; i < DESCRIPTOR_WORDS; i++) desc[i] <= '0;
      for (int i = 0; i < COMPLETION_WORDS; i++) comp[i] <= '0;
      cur_index  <= '0;
      budget     <= '0;
      st         <= ST_OK;
      comp_ok    <= 1'b0;
      launch     <= 1'b0;
      dma_start  <= 1'b0;
      xfer_q     <= 1'b0;
      hq_v       <= 1'b0;
      hq_we      <= 1'b0;
      hq_wmask   <= '0;
      hq_addr    <= '0;
      hq_wdata   <= '0;
      host_ack   <= 1'b0;
      mmio_ack   <= 1'b0;
      mmio_rdata <= '0;
      ev_valid   <= 1'b0;
      ev_kind    <= EV_NONE;
      ev_index   <= '0;
      ev_addr    <= '0;
      ev_arg     <= '0;
      ev_w0      <= '0;
      ev_w1      <= '0;
      ev_w2      <= '0;
      ev_w3      <= '0;
    end else begin : step
      logic [1:0] irq_set, irq_clr;
      logic       eng_fire;
      // the FSM's / the DMA's request is performed at this edge (the host goes first)
      eng_fire = !hq_v && !x_busy;
      irq_set = 2'b00;
      irq_clr = 2'b00;
      act_q <= (busy && state != S_RUN) || work || hq_v || host_ack || mmio_ack || ev_valid || launch ||
               dma_start || xfer_q || mmio_valid || host_valid || (state == S_RUN && core_idle);
      ev_valid  <= 1'b0;
      launch    <= 1'b0;
      dma_start <= 1'b0;
      xfer_q    <= eng_fire && (cp_req || dma_req);

      // ---- host memory port: take a new request, perform it when the port is free
      host_ack <= hq_v && !x_busy;
      if (hq_v && !x_busy) begin
        hq_v <= 1'b0;
      end else if (host_valid && !hq_v && !host_ack) begin
        hq_v     <= 1'b1;
        hq_we    <= (host_wmask != 4'd0);
        hq_wmask <= host_wmask;
        hq_addr  <= host_addr;
        hq_wdata <= host_wdata;
      end

      // ---- MMIO (writes to registers without a write rule, and to unmapped words, are ignored)
      mmio_ack <= mmio_valid && !mmio_ack;
      if (mmio_valid && !mmio_ack) begin
        if (mmio_write) begin
          unique case (mmio_addr)
            MMIO_CQ_BASE, MMIO_CQ_ENTRIES: begin
              // effective only with an empty ring and no command executing
              if (cq_head == cq_tail && !busy) begin : ring_config
                logic [31:0] b, n;
                b = (mmio_addr == MMIO_CQ_BASE) ? mmio_wdata : cq_base;
                n = (mmio_addr == MMIO_CQ_ENTRIES) ? mmio_wdata : cq_entries;
                cq_base    <= b;
                cq_entries <= n;
                cq_head    <= '0;
                cq_tail    <= '0;
                qerr       <= ring_bad(b, n);
              end
            end
            MMIO_CQ_TAIL: if (!qerr && mmio_wdata < cq_entries) cq_tail <= mmio_wdata;
            MMIO_IRQ_STATUS: irq_clr = irq_bits(mmio_wdata);
            MMIO_IRQ_ENABLE: irq_enable <= irq_bits(mmio_wdata & IRQ_MASK);
            default: ;
          endcase
        end else begin
          unique case (mmio_addr)
            MMIO_ID:         mmio_rdata <= DEV_ID_VALUE;
            MMIO_DRAM_KIB:   mmio_rdata <= 32'(DRAM_BYTES / 1024);
            MMIO_STATUS:     mmio_rdata <= status_word(busy, qerr);
            MMIO_CQ_BASE:    mmio_rdata <= cq_base;
            MMIO_CQ_ENTRIES: mmio_rdata <= cq_entries;
            MMIO_CQ_TAIL:    mmio_rdata <= cq_tail;
            MMIO_CQ_HEAD:    mmio_rdata <= cq_head;
            MMIO_IRQ_STATUS: mmio_rdata <= irq_word(irq_status);
            MMIO_IRQ_ENABLE: mmio_rdata <= irq_word(irq_enable);
            MMIO_DONE_COUNT: mmio_rdata <= done_count;
            default:         mmio_rdata <= '0;
          endcase
        end
      end

      // ---- command FSM
      unique case (state)
        S_IDLE: begin
          if (work) begin
            cur_index <= cq_head;
            state     <= S_FETCH;
          end
        end

        S_FETCH: if (eng_fire) state <= S_DECODE;

        S_DECODE: begin : decode
          logic [31:0] w [DESCRIPTOR_WORDS];
          logic [7:0]  op;
          status_e     s;
          for (int i = 0; i < DESCRIPTOR_WORDS; i++) begin
            w[i]    = x_rdata[32*i +: 32];
            desc[i] <= w[i];
          end
          op = w[DESC_W_HEADER][HEADER_OPCODE_LSB +: OPC_W];
          s  = check(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
          st      <= s;
          comp_ok <= ((w[DESC_W_COMPLETION] & 32'(COMPLETION_ALIGN - 1)) == 32'd0) &&
                     in_dram(w[DESC_W_COMPLETION], 33'(COMPLETION_BYTES));
          comp[COMP_W_STATUS_TAG] <= comp_head(s, w[DESC_W_HEADER][HEADER_TAG_LSB +: TAG_W]);
          comp[COMP_W_RESULT]     <= '0;
          comp[COMP_W_TVAL]       <= '0;
          comp[COMP_W_RETIRED]    <= '0;
          budget <= (w[DESC_W_LAUNCH_BUDGET] == 32'd0) ? 32'(LAUNCH_DEFAULT_BUDGET) : w[DESC_W_LAUNCH_BUDGET];
          if (s != ST_OK) begin
            state <= S_COMP;
          end else if (op == OP_LAUNCH) begin
            launch <= 1'b1;
            state  <= S_LAUNCH;
          end else if (op == OP_COPY && w[DESC_W_COPY_LENGTH] != 32'd0) begin
            dma_start <= 1'b1;
            state     <= S_DMA;
          end else if (op == OP_FILL && w[DESC_W_FILL_LENGTH] != 32'd0) begin
            dma_start <= 1'b1;
            state     <= S_DMA;
          end else begin
            state <= S_COMP;
          end
        end

        S_LAUNCH: begin                 // the core takes `launch` at this edge
          state <= S_RUN;
          run_q <= 1'b1;
        end

        S_RUN: begin
          if (core_idle) begin
            if (core_watchdog) begin
              st <= ST_WATCHDOG;
              comp[COMP_W_STATUS_TAG] <= comp_head(ST_WATCHDOG, desc[DESC_W_HEADER][HEADER_TAG_LSB +: TAG_W]);
            end else if (core_mcause == CAUSE_ECALL) begin
              comp[COMP_W_RESULT] <= core_x10;
            end else begin
              st <= ST_TRAP;
              comp[COMP_W_STATUS_TAG] <= comp_head(ST_TRAP, desc[DESC_W_HEADER][HEADER_TAG_LSB +: TAG_W]);
              comp[COMP_W_RESULT]     <= core_mcause;
              comp[COMP_W_TVAL]       <= core_mtval;
            end
            comp[COMP_W_RETIRED] <= budget - core_budget_left;
            state <= S_COMP;
            run_q <= 1'b0;
          end
        end

        S_DMA: begin
          if (dma_last) begin
            // the data has moved: the DMA_WRITE event
            ev_valid <= 1'b1;
            ev_kind  <= EV_DMA_WRITE;
            ev_index <= cur_index;
            ev_addr  <= fill_op ? desc[DESC_W_FILL_DST] : desc[DESC_W_COPY_DST];
            ev_arg   <= fill_op ? desc[DESC_W_FILL_LENGTH] : desc[DESC_W_COPY_LENGTH];
            ev_w0    <= 32'(desc[DESC_W_HEADER][HEADER_OPCODE_LSB +: OPC_W]);
            ev_w1    <= fill_op ? desc[DESC_W_FILL_PATTERN] : desc[DESC_W_COPY_SRC];
            ev_w2    <= '0;
            ev_w3    <= '0;
            state    <= S_COMP;
          end
        end

        S_COMP: begin
          if (!comp_ok || eng_fire) begin
            // the record is in DRAM (or its address was bad): complete the command, all at once
            done_count <= done_count + 32'd1;
            cq_head    <= (cq_head + 32'd1) & (cq_entries - 32'd1);
            irq_set[0] = 1'b1;
            irq_set[1] = (st != ST_OK) || !comp_ok;
            ev_valid <= 1'b1;
            ev_kind  <= EV_COMPLETION;
            ev_index <= cur_index;
            ev_addr  <= desc[DESC_W_COMPLETION];
            ev_arg   <= {31'd0, comp_ok};
            ev_w0    <= comp[0];
            ev_w1    <= comp[1];
            ev_w2    <= comp[2];
            ev_w3    <= comp[3];
            state    <= S_IDLE;
          end
        end

        default: state <= S_IDLE;
      endcase

      // a completion and a W1C write in the same cycle: the new bits survive
      irq_status <= (irq_status & ~irq_clr) | irq_set;
    end
  end

endmodule
