# Sourced by ci/mutate.sh and ci/driver-bugs.sh, which hand their arguments to ci/run-main.sh.

# usage_if_asked SCRIPT ARG...
#   with -h or --help among ARG..., prints SCRIPT's header comment (its usage) and exits 0: before
#   run-main.sh's set-up and build, and the main classes do not know --help.
usage_if_asked() {
  local script="$1" a
  shift
  for a in "$@"; do
    case "$a" in -h|--help) sed -n '2,/^set -e/p' "$script" | sed '$d'; exit 0 ;; esac
  done
}

# run-main.sh runs the main class from the repository root, so a relative path given by the caller
# would resolve there instead of where the caller stands: make those absolute first.
#
# absolute_path_args OPTION... -- ARG...
#   sets the array `args` to ARG..., the value after each OPTION (e.g. --out) made absolute;
#   everything else, unknown or bad arguments included, is passed on for the main class to judge.
absolute_path_args() {
  local path_options=() prev="" a o
  while [ $# -gt 0 ] && [ "$1" != -- ]; do path_options+=("$1"); shift; done
  if [ $# -gt 0 ]; then shift; fi
  args=()
  for a in "$@"; do
    for o in "${path_options[@]}"; do
      if [ "$prev" = "$o" ]; then
        case "$a" in /*) ;; *) a="$(pwd)/$a" ;; esac
      fi
    done
    args+=("$a")
    prev="$a"
  done
}
