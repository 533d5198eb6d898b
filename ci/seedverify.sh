#!/usr/bin/env bash
# For a fresh machine and for CI: installs what is missing (ci/setup.sh), builds the seedverify jar
# once (skipped with SEEDVERIFY_NO_BUILD=1), then runs bin/seedverify with the given arguments.
# After one build, call bin/seedverify directly: it never runs Maven.
# Usage: ci/seedverify.sh COMMAND [ARG...]      (see: bin/seedverify --help)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${SEEDVERIFY_NO_BUILD:-0}" != 1 ]; then
  bash "$root/ci/setup.sh" >&2
  (cd "$root" && mvn -B -ntp -q install -DskipTests -pl cli -am) >&2
fi
exec "$root/bin/seedverify" "$@"
