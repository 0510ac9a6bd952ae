#!/usr/bin/env bash
# submit.sh: runs a pace-sim command on a Slurm cluster as a job array of shards plus a merge job that starts when
# every shard has succeeded (--dependency=afterok). Run it from the repository's root (a shared filesystem that
# every node sees), e.g.
#
#   deploy/slurm/submit.sh -n 4 results/shards/tests-of-change results/tests-of-change \
#       experiment experiments/pace-tests-of-change.yaml -r 200
#
# prints the two job ids (array, merge). Options: -n SHARDS (default 4), -c CPUS per shard (default 1), and any
# further sbatch options in SBATCH_OPTS (e.g. SBATCH_OPTS="--partition=short --time=1:00:00").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shards=4
cpus=1
while getopts "n:c:" opt; do
  case "$opt" in
    n) shards="$OPTARG" ;;
    c) cpus="$OPTARG" ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [[ $# -lt 4 ]]; then
  echo "usage: $0 [-n SHARDS] [-c CPUS] SHARD_ROOT OUT COMMAND FILE [OPTIONS...]" >&2
  exit 2
fi
root="$1"
out="$2"
shift 2
# Build once here, so that the tasks do not all build at the same time.
"$repo/pace" --version >/dev/null
export PACE="$repo/pace"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTS:-} --array=0-$((shards - 1)) --cpus-per-task="$cpus" \
  "$here/pace-shard.sbatch" "$root" "$@")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
  "$here/pace-merge.sbatch" "$root" "$out")
merge="${merge%%;*}"
echo "$array $merge"
