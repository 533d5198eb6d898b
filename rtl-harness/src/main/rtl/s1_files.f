// Compile order of the S1 RTL (paths relative to this folder). Two generated packages come first,
// from the build's generated-sources folder (build-model.sh --gen; never committed):
//   seedchip_pkg.sv   dev.seedverify.golden.gen.SystemVerilogPackage (ISA table)
//   s1_device_pkg.sv  dev.seedverify.golden.gen.DevicePackage (device table, spec §4)
s1_core_pkg.sv
s1_fp32_pkg.sv
s1_e4m3_pkg.sv
s1_requant_pkg.sv
s1_dram.sv
s1_mdu.sv
s1_csr.sv
s1_tile.sv
s1_core.sv
s1_dma.sv
s1_cmdproc.sv
s1_top.sv
