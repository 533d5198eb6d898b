#!/usr/bin/env bash
# Shared by ci/kernel-gate.sh and ci/kernel-bench.sh:
# installs what is missing and builds (skipped with SEEDVERIFY_NO_BUILD=1), then runs a main class of
# a module (SEEDVERIFY_MODULE, default conformance-suite) from the repository root with the given
# arguments. Callers make path arguments absolute first.
# Usage: ci/run-main.sh CLASS [ARG...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
class="$1"
shift
module="${SEEDVERIFY_MODULE:-conformance-suite}"
args=""
for a in "$@"; do
  # exec:java splits -Dexec.args itself, honouring double quotes: each argument is quoted once.
  case "$a" in *\"*) echo "$(basename "$class"): an argument with a double quote is not supported: $a" >&2; exit 2 ;; esac
  args="$args \"$a\""
done
cd "$root"
if [ "${SEEDVERIFY_NO_BUILD:-0}" != 1 ]; then
  bash ci/setup.sh >&2
  mvn -B -ntp -q install -DskipTests -pl "$module" -am >&2
fi
# The kernel library cache (kernels module) and the mutant model cache are the ones the Maven
# build uses: exec:java loads rtl-harness from the local repository's jar, whose fallback cache is
# under /tmp and shared with every other checkout on the machine.
exec mvn -B -ntp -q -pl "$module" exec:java -Dexec.mainClass="$class" -Dexec.args="$args" \
  -Dseedverify.kernels.cache="$root/kernels/target/kernel-cache" \
  -Dseedverify.mutants.cache="$root/rtl-harness/target/mutant-models"
