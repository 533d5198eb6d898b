package dev.seedverify.rtl;

import java.nio.file.Path;

/**
 * A throwaway {@code s1_top} with the INTERFACE.md ports, built at test time through the same
 * script as the real RTL. It retires one fake record per cycle (order = cycle - 1, pc = reset pc +
 * 4 * order, insn = nop) and misbehaves as the word at the DRAM base (its "mode", written through
 * the backdoor before reset) says.
 */
final class TestTop {
    static final int NORMAL = 0;
    /** $fatal at cycle 100 (after 100 records). */
    static final int FATAL = 1;
    /** $stop at cycle 50. */
    static final int STOP = 2;
    /** $finish at cycle 40. */
    static final int FINISH = 3;
    /** A failed immediate assertion at cycle 60. */
    static final int ASSERTION = 4;
    /** A DPI function that throws a C++ exception at cycle 30. */
    static final int EXCEPTION = 5;
    /** Stops retiring after 10 records. */
    static final int HANG = 6;
    /** A combinational loop that oscillates from cycle 20: Verilator's "did not converge" internal error. */
    static final int COMB_LOOP = 7;
    /** From cycle 20, tile row accesses without records (more than MAX_ACCESSES: protocol error). */
    static final int ROW_FLOOD = 8;
    /** Every 4th cycle a record with a tile write and the 3 row accesses of the cycles before; junk in unflagged fields. */
    static final int TILES = 9;
    /** Records cycling load (lane 1, CSR read) / trap (junk rd_wdata of x0) / load / store (lanes 2-3, CSR write), with junk outside the lanes. */
    static final int SCALAR = 10;
    /**
     * Writes {@link #RESET_WRITE_VALUE} into DRAM word 1 at every clock edge while reset is held: a
     * core whose in-flight store reaches memory during reset (the bug of issue 13).
     */
    static final int RESET_WRITE = 11;
    static final int RESET_WRITE_VALUE = 0xBAD0_0BAD;

    private TestTop() {}

    static void write(Path dir) {
        TestSupport.write(dir.resolve("s1_top.sv"), SV);
        TestSupport.write(dir.resolve("s1_test_dpi.cpp"), DPI);
    }

    /** The port list of {@code s1_top} (rtl-harness/src/main/rtl/INTERFACE.md), for the test tops that stand in for it. */
    static final String S1_TOP_PORTS = """
            module s1_top #(parameter int DRAM_BYTES = 1 << 20) (
              input  logic clk, input logic rst_n, input logic cmd_mode, input logic [31:0] reset_pc,
              input  logic [31:0] window_lo, input logic [31:0] window_hi, input logic stop_on_trap,
              input  logic drain, output logic drained,
              input  logic mmio_valid, input logic mmio_write, input logic [7:0] mmio_addr, input logic [31:0] mmio_wdata,
              output logic mmio_ack, output logic [31:0] mmio_rdata,
              input  logic host_valid, input logic [3:0] host_wmask, input logic [31:0] host_addr,
              input  logic [31:0] host_wdata, output logic host_ack, output logic [31:0] host_rdata,
              output logic irq,
              output logic ev_valid, output logic [1:0] ev_kind, output logic [31:0] ev_index, output logic [31:0] ev_addr,
              output logic [31:0] ev_arg, output logic [31:0] ev_w0, output logic [31:0] ev_w1, output logic [31:0] ev_w2,
              output logic [31:0] ev_w3, output logic dev_idle, output logic dev_xfer,
              output logic rvfi_valid, output logic [63:0] rvfi_order, output logic [31:0] rvfi_insn,
              output logic rvfi_trap, output logic [31:0] rvfi_trap_cause, output logic [31:0] rvfi_trap_tval,
              output logic [31:0] rvfi_pc_rdata, output logic [31:0] rvfi_pc_wdata,
              output logic [4:0] rvfi_rd_addr, output logic [31:0] rvfi_rd_wdata,
              output logic [31:0] rvfi_mem_addr, output logic [3:0] rvfi_mem_rmask, output logic [3:0] rvfi_mem_wmask,
              output logic [31:0] rvfi_mem_rdata, output logic [31:0] rvfi_mem_wdata,
              output logic rvfi_csr_read, output logic rvfi_csr_write, output logic [11:0] rvfi_csr_addr,
              output logic [31:0] rvfi_csr_rdata, output logic [31:0] rvfi_csr_wdata,
              output logic rvfi_row_valid, output logic [31:0] rvfi_row_addr, output logic [31:0] rvfi_row_rmask,
              output logic [31:0] rvfi_row_wmask, output logic [255:0] rvfi_row_data,
              output logic rvfi_tile_valid, output logic [2:0] rvfi_tile_index, output logic [2047:0] rvfi_tile_data
            );
            """;

    static final String DPI = """
            // DPI import of the test top: throws a C++ exception out of the model's eval.
            #include <stdexcept>
            #include <string>
            extern "C" void s1test_throw(int code) { throw std::runtime_error("DPI exception " + std::to_string(code)); }
            """;

    static final String SV = ("""
            // Throwaway test top (dev.seedverify.rtl.TestTop): the s1_top ports, a public DRAM, modes.
            module t_dram #(parameter int DRAM_BYTES = 1 << 20) (input logic clk, input logic reset_write,
                                                                 output logic [31:0] word0);
              logic [31:0] mem [DRAM_BYTES/4] /* verilator public_flat_rw */;
              assign word0 = mem[0];
              always_ff @(posedge clk) if (reset_write) mem[1] <= RESET_WRITE_VALUE;
            endmodule

            module t_core (input logic clk, input logic [31:0] cnt);
              logic [31:0] regs [32] /* verilator public_flat_rd */;
              logic [31:0] pc /* verilator public_flat_rd */;
              always_ff @(posedge clk) begin
                regs[cnt[4:0]] <= cnt;
                pc <= 32'h8000_0000 + cnt * 4;
              end
            endmodule

            """ + S1_TOP_PORTS + """
              /* verilator lint_off UNUSEDSIGNAL */
              import "DPI-C" function void s1test_throw(input int code);
              logic [31:0] mode, cnt;
              logic osc;
              t_dram #(.DRAM_BYTES(DRAM_BYTES)) u_dram (.clk, .reset_write(!rst_n && mode == RESET_WRITE), .word0(mode));
              assign drained = 1'b1;
              // a build with DRAM_BYTES = 128 KiB crashes while the model starts (time 0)
              initial if (DRAM_BYTES == 128 * 1024) $fatal(1, "test top: fatal at time 0");
              t_core u_core (.clk, .cnt);

              always_ff @(posedge clk) begin
                if (!rst_n) cnt <= '0;
                else begin
                  cnt <= cnt + 1;
                  if (mode == 1 && cnt == 100) $fatal(1, "test top: fatal at cycle %0d", cnt);
                  if (mode == 2 && cnt == 50) $stop;
                  if (mode == 3 && cnt == 40) $finish;
                  if (mode == 4) assert (cnt != 60);
                  if (mode == 5 && cnt == 30) s1test_throw(30);
                end
              end

              /* verilator lint_off UNOPTFLAT */
              assign osc = (mode == 7 && cnt >= 20) ? ~osc : 1'b0;
              /* verilator lint_on UNOPTFLAT */

              // no device: every host access is acknowledged at once, nothing else happens
              assign mmio_ack = mmio_valid; assign mmio_rdata = '0;
              assign host_ack = host_valid; assign host_rdata = '0;
              assign irq = 1'b0;
              assign ev_valid = 1'b0; assign ev_kind = '0; assign ev_index = '0; assign ev_addr = '0; assign ev_arg = '0;
              assign ev_w0 = '0; assign ev_w1 = '0; assign ev_w2 = '0; assign ev_w3 = '0;
              assign dev_idle = 1'b0; assign dev_xfer = 1'b0;

              logic live;
              assign live = rst_n && cnt != 0;
              always_comb begin
                rvfi_valid = live && !osc;
                if (mode == 6 && cnt > 10) rvfi_valid = 1'b0;
                if (mode == 8 && cnt >= 20) rvfi_valid = 1'b0;
                if (mode == 9 && cnt[1:0] != 2'd0) rvfi_valid = 1'b0;
              end
              assign rvfi_order = {32'b0, cnt - 1};
              assign rvfi_insn = 32'h0000_0013;
              assign rvfi_pc_rdata = reset_pc + (cnt - 1) * 4;
              assign rvfi_pc_wdata = rvfi_pc_rdata + 4;

              always_comb begin
                rvfi_trap = 1'b0; rvfi_trap_cause = '0; rvfi_trap_tval = '0;
                rvfi_rd_addr = '0; rvfi_rd_wdata = '0;
                rvfi_mem_addr = '0; rvfi_mem_rmask = '0; rvfi_mem_wmask = '0; rvfi_mem_rdata = '0; rvfi_mem_wdata = '0;
                rvfi_csr_read = 1'b0; rvfi_csr_write = 1'b0; rvfi_csr_addr = '0; rvfi_csr_rdata = '0; rvfi_csr_wdata = '0;
                rvfi_row_valid = 1'b0; rvfi_row_addr = '0; rvfi_row_rmask = '0; rvfi_row_wmask = '0; rvfi_row_data = '0;
                rvfi_tile_valid = 1'b0; rvfi_tile_index = '0; rvfi_tile_data = '0;
                if (mode == 8 && live && cnt >= 20) begin
                  rvfi_row_valid = 1'b1; rvfi_row_addr = 32'h8000_2000; rvfi_row_rmask = 32'hFFFF_FFFF;
                end
                if (mode == 9 && live) begin
                  // junk that canonicalisation must remove: rd_wdata of x0, CSR fields without flags, cause/tval without trap
                  rvfi_rd_wdata = 32'hDEAD_BEEF; rvfi_csr_addr = 12'h345; rvfi_csr_rdata = 32'h1; rvfi_csr_wdata = 32'h2;
                  rvfi_trap_cause = 32'd9; rvfi_trap_tval = 32'd10;
                  if (cnt[1:0] != 2'd0) begin
                    rvfi_row_valid = 1'b1;
                    rvfi_row_addr = 32'h8000_2000 + cnt * 32;
                    rvfi_row_data = {8{cnt}};
                    if (cnt[1:0] == 2'd1) rvfi_row_rmask = 32'hFFFF_FFFF;
                    else if (cnt[1:0] == 2'd2) rvfi_row_wmask = 32'hFFFF_FFFF;
                    else rvfi_row_wmask = 32'h0000_00FF;
                  end else begin
                    rvfi_tile_valid = 1'b1;
                    rvfi_tile_index = cnt[4:2];
                    rvfi_tile_data = {64{cnt ^ 32'hA5A5_0000}};
                  end
                end
                if (mode == 10 && live) begin
                  if (cnt[0]) begin
                    rvfi_rd_addr = 5'd5; rvfi_rd_wdata = cnt;
                    rvfi_mem_addr = 32'h8000_1000; rvfi_mem_rmask = 4'b0010; rvfi_mem_rdata = 32'hAABB_CCDD;
                    rvfi_mem_wdata = 32'h1111_1111;
                    rvfi_csr_read = 1'b1; rvfi_csr_addr = 12'h340; rvfi_csr_rdata = 32'h77; rvfi_csr_wdata = 32'h99;
                  end else if (cnt[1:0] == 2'd2) begin
                    rvfi_trap = 1'b1; rvfi_trap_cause = 32'd2; rvfi_trap_tval = 32'h13;
                    rvfi_rd_addr = 5'd0; rvfi_rd_wdata = 32'h5555_5555;
                  end else begin
                    rvfi_mem_addr = 32'h8000_1004; rvfi_mem_wmask = 4'b1100; rvfi_mem_wdata = 32'h1234_5678;
                    rvfi_mem_rdata = 32'hFFFF_FFFF;
                    rvfi_csr_write = 1'b1; rvfi_csr_addr = 12'h341; rvfi_csr_rdata = 32'h66; rvfi_csr_wdata = 32'h88;
                  end
                end
              end
              /* verilator lint_on UNUSEDSIGNAL */
            endmodule
            """).replace("RESET_WRITE_VALUE", String.format("32'h%08x", RESET_WRITE_VALUE))
               .replace("RESET_WRITE", Integer.toString(RESET_WRITE));
}
