#!/usr/bin/env bash
# Replays reproducer files written by the property campaign: one file, several, or whole folders
# (a folder of past reproducers is the permanent regression tier that gates merges).
#
# Usage: ci/replay.sh <file|dir>... [--target golden|rtl|both] [--budget N] [--json FILE]
#   --target rtl     golden model and RTL in lockstep (default)
#   --target golden  the golden model alone: the file is intact and its program halts with tohost = 1
#   --target both    the golden check, then golden vs RTL
# Per file it prints PASS (golden and the target agree: the bug is gone), FAIL (they still
# diverge; the line says whether in the recorded bucket) or ERROR (the file cannot be replayed:
# edited, not a reproducer, does not halt), then a summary. A reproducer FAILS while its bug is
# present and PASSES once golden and the target agree.
# Exit status: 0 when every file passed, 1 when any failed or errored, 2 for bad usage or an
# unavailable target. Set SEEDVERIFY_NO_BUILD=1 to skip the set-up and build steps.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# Paths are resolved before changing directory, so they may be relative to the caller's.
args=""
for a in "$@"; do
  if [ -e "$a" ]; then a="$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"; fi
  case "$a" in *\"*) echo "replay: a path with a double quote is not supported: $a" >&2; exit 2 ;; esac
  args="$args \"$a\""
done

cd "$root"
if [ "${SEEDVERIFY_NO_BUILD:-0}" != 1 ]; then
  bash ci/setup.sh >&2
  mvn -B -ntp -q install -DskipTests -pl conformance-suite -am >&2
fi
exec mvn -B -ntp -q -pl conformance-suite exec:java \
  -Dexec.mainClass=dev.seedverify.conformance.repro.Replay -Dexec.args="$args"
