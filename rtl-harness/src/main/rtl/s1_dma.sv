// DMA engine of the S1 command processor (spec §4.2): COPY with memmove semantics and FILL, over
// the device side of the DRAM's wide port (8 words at any word index, byte-masked writes).
//
// The destination [dst, dst + len) is covered by 32-byte chunks of whole words; each chunk is
// one masked write (the mask keeps the bytes outside the range, so the first and last chunk may
// extend past the range, even past the ends of DRAM, where the port wraps and the mask is 0).
//
// COPY: destination byte a gets source byte a + (src - dst). With sh = (src - dst) mod 4 and the
// word-aligned source base Sbase, destination word k needs source words S[k] and S[k+1] (S[i] =
// the word at Sbase + 4i), so destination chunk c (words 8c..8c+7) is
//     ({S[8c+8], S[8c+7..8c]} >> 8*sh)[255:0]
// i.e. one source chunk plus the first word of the next one. The engine reads each source chunk
// once and keeps the previous one in `carry`:
//   forward  (dst <= src): prime read S chunk 0; then per chunk c: read S chunk c+1, write D chunk c
//                          (lo = carry, hi = new word 0), carry = new;
//   backward (dst >  src): prime read S chunk n (n = destination words); then per chunk from the
//                          top: read the 8 source words below, write D chunk (lo = new, hi =
//                          carry word 0), carry = new.
// Every source byte a chunk needs is read before any write that could overwrite it (forward:
// writes trail the reads at lower addresses; backward: at higher ones), so overlapping ranges
// copy as through a temporary buffer. Words read beyond the source range (wrapping around DRAM)
// only feed masked-off bytes.
// FILL: the byte at address a gets pattern byte a mod 4; chunks are word aligned, so every chunk's
// data is the pattern repeated 8 times.
//
// Timing: a request is presented combinationally from registers and performed at the edge where
// the port is free (`fire`); read data is in `rdata` from the next cycle until the next device
// read, which may be the host's: so the engine keeps it (`cap`) one cycle later. COPY takes 2
// cycles per 32-byte chunk plus one prime read, FILL 1 cycle per chunk, while no host access or
// tile row takes the port.
//
// Simulation speed: the engine runs on the device's gated clock; nothing here is evaluated while
// the device is idle.
module s1_dma (
  input  logic          clk,            // the device's gated clock
  input  logic          rst_n,
  input  logic          start,          // one cycle, with a valid range (inside DRAM, len > 0)
  input  logic          fill,           // FILL, else COPY
  input  logic [31:0]   src,            // COPY source
  input  logic [31:0]   dst,
  input  logic [31:0]   len,
  input  logic [31:0]   pattern,        // FILL pattern
  output logic          req,            // wants an access (below)
  output logic          req_we,
  output logic [31:0]   req_wmask,      // byte mask of the 8 words
  output logic [31:0]   req_addr,       // byte address of word 0 (word aligned)
  output logic [255:0]  req_wdata,
  input  logic          fire_ok,        // the host memory port does not take the port this cycle
  input  logic          port_busy,      // the tile unit takes it (else the request is performed)
  input  logic [255:0]  rdata,          // the device port's read data (last device read)
  output logic          last            // the write performed at this edge is the last one
);

  typedef enum logic [1:0] { E_IDLE, E_PRIME, E_RD, E_WR } state_e;

  state_e       state;
  logic         fwd, is_fill, got, first;
  logic [1:0]   sh;
  logic [31:0]  ra, wa, cn, dst_q, pat;
  logic [32:0]  end_q;                  // dst + len
  logic [255:0] carry, cap;

  // ---------------------------------------------------------------- request
  // The newest source chunk: straight from the port in the cycle after its read, later from cap.
  logic [255:0] newest;
  assign newest = got ? rdata : cap;

  // Bytes of the chunk at wa inside [dst, dst + len).
  function automatic logic [31:0] low_bytes(input logic [33:0] n);   // n clamped to 0..32
    if ($signed(n) <= 0) return 32'd0;
    if ($signed(n) >= 32) return 32'hFFFF_FFFF;
    return 32'((64'd1 << n[5:0]) - 64'd1);
  endfunction

  always_comb begin
    logic [287:0] both;
    logic [33:0]  hi_n, lo_n;
    req       = (state != E_IDLE);
    req_we    = (state == E_WR);
    req_addr  = (state == E_WR) ? wa : ra;
    hi_n      = {1'b0, end_q} - {2'b00, wa};
    lo_n      = {2'b00, dst_q} - {2'b00, wa};
    req_wmask = low_bytes(hi_n) & ~low_bytes(lo_n);
    both      = fwd ? {newest[31:0], carry} : {carry[31:0], newest};
    req_wdata = is_fill ? {8{pat}} : both[8*sh +: 256];
  end

  assign last = fire_ok && !port_busy && (state == E_WR) && (cn == 32'd1);

  // ---------------------------------------------------------------- sequencing
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state   <= E_IDLE;
      fwd     <= 1'b1;
      is_fill <= 1'b0;
      got     <= 1'b0;
      first   <= 1'b0;
      sh      <= '0;
      ra      <= '0;
      wa      <= '0;
      cn      <= '0;
      dst_q   <= '0;
      pat     <= '0;
      end_q   <= '0;
      carry   <= '0;
      cap     <= '0;
    end else begin : step
      logic fire;                       // the request is performed at this edge
      fire = req && fire_ok && !port_busy;
      if (got) cap <= rdata;            // the chunk read at the previous edge
      got <= fire && (state == E_PRIME || state == E_RD);
      if (start) begin : setup
        logic [31:0] d_first, d_end, nw, sbase;
        logic [1:0]  s;
        d_first = dst & ~32'd3;
        d_end   = (dst + len + 32'd3) & ~32'd3;
        nw      = (d_end - d_first) >> 2;
        s       = 2'(src - dst);
        sbase   = src - {30'd0, dst[1:0]} - {30'd0, s};
        is_fill <= fill;
        fwd     <= fill || !(dst > src);
        sh      <= s;
        dst_q   <= dst;
        end_q   <= {1'b0, dst} + {1'b0, len};
        pat     <= pattern;
        cn      <= (nw + 32'd7) >> 3;
        first   <= 1'b1;
        if (fill || !(dst > src)) begin
          wa <= d_first;
          ra <= sbase;
        end else begin
          wa <= d_end - 32'd32;
          ra <= sbase + (d_end - d_first);
        end
        state <= fill ? E_WR : E_PRIME;
      end else if (fire) begin
        unique case (state)
          E_PRIME: begin
            ra    <= fwd ? ra + 32'd32 : ra - 32'd32;
            state <= E_RD;
          end
          E_RD: begin
            if (first) carry <= newest;   // the prime chunk
            first <= 1'b0;
            ra    <= fwd ? ra + 32'd32 : ra - 32'd32;
            state <= E_WR;
          end
          E_WR: begin
            carry <= newest;
            wa    <= fwd ? wa + 32'd32 : wa - 32'd32;
            cn    <= cn - 32'd1;
            state <= (cn == 32'd1) ? E_IDLE : is_fill ? E_WR : E_RD;
          end
          default: ;
        endcase
      end
    end
  end

endmodule
