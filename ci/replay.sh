#!/usr/bin/env bash
# Replays reproducer files or folders (the regression tier): a thin wrapper over
# bin/seedverify replay, building first on a fresh machine (SEEDVERIFY_NO_BUILD=1 skips it).
# Usage: ci/replay.sh <file|dir>... [--target golden|rtl|both|NAME] [--budget N]
# Exit status: 0 every file passed, 1 a file still diverges or could not run, 2 usage or
# unavailable target, 3 only malformed files, a missing path or an empty folder.
set -euo pipefail
exec bash "$(cd "$(dirname "$0")" && pwd)/seedverify.sh" replay "$@"
