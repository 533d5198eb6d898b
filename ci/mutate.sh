#!/usr/bin/env bash
# The automatic mutation campaign (issue 13; the MCY idea): the mutation engine makes mutants of the
# RTL files (relational/arithmetic/logical operator swaps, if-condition inversion, constants +-1,
# bit selects moved, dropped clocked assignments, signals stuck at 0/1), builds all of them into ONE
# Verilated model behind a mutant select (cached under rtl-harness/target/mutant-models), and runs
# each against the checkers with early stop (directed conformance, numerics sweep, random lockstep,
# end-of-program state, device directed scenarios, random device scenarios, the compiled C
# programs); survivors get a soak and a comparison with the original design and are
# reported as survivors or probably equivalent. Writes the report (mutation.txt and the sign-off
# report of the result model: signoff.txt/.md/.json/.html, junit.xml) to reports-out/mutation/.
#
# Usage: ci/mutate.sh [--files FILE=N,...] [--scale X] [--programs N] [--soak N] [--device N] [--threads N]
#                     [--seed N] [--out DIR] [--cache DIR] [--list]
#   default: 600 mutants (s1_core 200, s1_mdu 40, s1_csr 100, s1_tile 120, s1_fp32_pkg 60,
#            s1_e4m3_pkg 45, s1_requant_pkg 35), 300 random programs per mutant, 100 random device
#            scenarios, 2000-program soak, 2 threads: the nightly tier
#   --scale X  every file's count times X (e.g. 0.1 for a quick sample)
#   --list     prints the chosen mutants (file:line, operator, change) without building
# Exit status: 0 when the targets are met (>= 500 mutants, score >= 95 % of non-equivalent mutants,
# every killed mutant killed by >= 2 checkers or >= 10 random programs), 1 otherwise, 2 for bad usage.
# Set SEEDVERIFY_NO_BUILD=1 to skip the set-up and build steps.
set -euo pipefail
# shellcheck source=lib/args.sh
source "$(dirname "$0")/lib/args.sh"
run_main_class dev.seedverify.conformance.mutants.MutationCampaign --out --cache -- "$@"
