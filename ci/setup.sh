#!/usr/bin/env bash
# Installs, only when missing, what SeedVerify needs on a Debian machine: a JDK 17+, Maven,
# a C++ compiler (Verilator output and the JavaCPP binding), Verilator, and the RISC-V GCC
# cross-compiler with picolibc (for the C kernels), Clang with LLD and llvm-addr2line (the second kernel
# compiler), zlib for FST waveforms, and Chromium with its driver (the tests open the sign-off page
# and the Allure report in it). Run as root (or with sudo available).
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have java || need+=(openjdk-17-jdk-headless)
have javac || need+=(openjdk-17-jdk-headless)
have mvn || need+=(maven)
have g++ || need+=(g++)
have make || need+=(make)
have verilator || need+=(verilator)
have riscv64-unknown-elf-gcc || need+=(gcc-riscv64-unknown-elf)
pkg_installed picolibc-riscv64-unknown-elf || need+=(picolibc-riscv64-unknown-elf)
# The kernel library's second compiler: Clang targeting riscv32 with LLD; llvm-addr2line for the compiler gate.
have clang || need+=(clang)
have ld.lld || need+=(lld)
have llvm-addr2line || need+=(llvm)
# FST waveforms: the verilated model links zlib.
pkg_installed zlib1g-dev || need+=(zlib1g-dev)
# Headless Chromium driven by chromedriver: the browser tests of the reports module.
have chromium || need+=(chromium)
have chromedriver || need+=(chromium-driver)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: all tools present ($(verilator --version 2>/dev/null | head -1); $(riscv64-unknown-elf-gcc --version | head -1))"
  exit 0
fi

# De-duplicate while keeping order.
mapfile -t need < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')
echo "setup: installing ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then SUDO="sudo"; else echo "setup: need root (or sudo) to install ${need[*]}" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
echo "setup: done ($(verilator --version | head -1); $(riscv64-unknown-elf-gcc --version | head -1))"
