#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs the default test tier.
# Opt-in tiers: SEEDVERIFY_TIER=soak or SEEDVERIFY_TIER=mutants (see ci/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
exec mvn -B -ntp verify -Dseedverify.tier="${SEEDVERIFY_TIER:-default}" "$@"
