// Compile order of the S1 RTL (paths relative to this folder). seedchip_pkg.sv is generated
// (dev.seedverify.golden.gen.SystemVerilogPackage) and must be listed before these files.
s1_core_pkg.sv
s1_fp32_pkg.sv
s1_e4m3_pkg.sv
s1_requant_pkg.sv
s1_dram.sv
s1_mdu.sv
s1_csr.sv
s1_tile.sv
s1_core.sv
s1_top.sv
