# Sourced by ci/mutate.sh and ci/driver-bugs.sh: wrappers that hand their arguments to a main class
# through ci/run-main.sh.

# run_main_class CLASS PATH_OPTION... -- ARG...
#   --help (or -h) among ARG...: prints the calling script's usage (usage_if_asked) and exits 0;
#   otherwise runs CLASS with ARG..., the value after each PATH_OPTION made absolute (absolute_path_args).
run_main_class() {
  local class="$1"
  shift
  usage_if_asked "$0" "$@"
  absolute_path_args "$@"
  exec bash "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/run-main.sh" "$class" ${args[@]+"${args[@]}"}
}

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
