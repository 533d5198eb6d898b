#!/usr/bin/env bash
# Replays a driver action script (a reproducer of the driver properties or of ci/driver-bugs.sh):
# every step with its outcome, and the first failure.
# Usage: ci/driver-replay.sh FILE [--backend golden|rtl|lockstep|...] [--bug NAME | --correct] [--shrink]
#   the bug defaults to the script's "# bug:" line; --shrink shrinks a failing script first.
# Exit status: 0 when the script passes, 1 when it fails, 2 for bad usage.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
args=()
for a in "$@"; do
  case "$a" in --*|/*) ;; *) [ -e "$a" ] && a="$(cd "$(dirname "$a")" && pwd)/$(basename "$a")" ;; esac
  args+=("$a")
done
exec bash "$here/run-main.sh" dev.seedverify.conformance.driver.DriverReplay ${args[@]+"${args[@]}"}
