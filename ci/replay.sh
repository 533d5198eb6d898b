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
here="$(cd "$(dirname "$0")" && pwd)"

# Paths are resolved here, so they may be relative to the caller's folder.
args=()
for a in "$@"; do
  if [ -e "$a" ]; then a="$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"; fi
  args+=("$a")
done
exec bash "$here/run-main.sh" dev.seedverify.conformance.repro.Replay ${args[@]+"${args[@]}"}
