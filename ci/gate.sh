#!/usr/bin/env bash
# The merge-request gate (< 5 minutes on 2 cores after the build): set-up and build once, then the
# gate campaign (ci/campaigns/gate.yaml: every required suite on the RTL, 2,000 random programs).
# With --baseline RUN (a run folder or its run.json, e.g. the main branch's last nightly), the
# exit status is the baseline gate's: 1 only for a new bucket or lost coverage, so known, waived
# issues do not block merges; without it, the campaign's own verdict decides (0 signed off).
# Usage: ci/gate.sh [--baseline RUN] [campaign options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
baseline=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
out="$root/reports-out/gate"
status=0
bash "$root/ci/seedverify.sh" campaign --config "$root/ci/campaigns/gate.yaml" --out "$out" ${args[@]+"${args[@]}"} || status=$?
if [ -z "$baseline" ]; then exit "$status"; fi
case "$status" in 0|1) ;; *) exit "$status" ;; esac      # usage, bad input, interrupted: no gate
exec "$root/bin/seedverify" gate "$out/latest" --baseline "$baseline"
