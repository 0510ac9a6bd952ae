#!/usr/bin/env bash
# test-local.sh: tests the Slurm deployment on a real one-node Slurm cluster started on this machine (as root).
# Starts the cluster (local-cluster.sh: installs Debian's Slurm and munge when missing), submits a small run of the
# main job as an array of 4 shards plus the merge job (--dependency=afterok) with submit.sh, waits, checks that the
# merged CSV files are byte-identical to the same command run in one process, and stops the daemons it started.
# Exit 0: passed; 1: failed; 3: Slurm could not be installed (apt unreachable), nothing was tested.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
SHARDS="${SHARDS:-4}"
REPLICATIONS="${REPLICATIONS:-8}"
COMMAND=(experiment experiments/pace-tests-of-change.yaml -r "$REPLICATIONS")

work="$(mktemp -d)"
cluster="$work/cluster"
cleanup() {
  "$here/local-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

t0=$(now)
status=0
"$here/local-cluster.sh" start "$cluster" || status=$?
if [[ $status -ne 0 ]]; then
  [[ $status -eq 3 ]] && echo "slurm test: SKIPPED, Slurm could not be installed" >&2
  exit "$status"
fi
echo "slurm test: cluster up in $(took "$t0")"
export SLURM_CONF="$cluster/slurm.conf"

t1=$(now)
./pace "${COMMAND[@]}" -t 1 -q --out "$work/one" >/dev/null
echo "slurm test: one process, pace ${COMMAND[*]}: $(took "$t1")"

t2=$(now)
mkdir -p "$work/logs"
read -r array merge < <(SBATCH_OPTS="--output=$work/logs/%x-%j.out" \
  "$here/submit.sh" -n "$SHARDS" "$work/shards" "$work/merged" "${COMMAND[@]}")
echo "slurm test: submitted array job $array ($SHARDS shards) and merge job $merge (afterok:$array)"
state=""
for _ in $(seq 1 900); do
  state="$(scontrol -o show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -1)"
  case "$state" in
    COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;;
  esac
  sleep 1
done
echo "slurm test: merge job $merge $state after $(took "$t2") from submission"
# One line per job: the array's tasks, then the merge.
for id in "$array" "$merge"; do scontrol -o show job "$id" 2>/dev/null; done | tr ' ' '\n' \
  | awk -F= '$1 == "JobId" { id = $2 } $1 == "ArrayTaskId" { task = " (array task " $2 ")" }
             $1 == "JobName" { name = $2 } $1 == "JobState" { st = $2 }
             $1 == "RunTime" { printf "  job %s %s%s: %s, ran %s\n", id, name, task, st, $2; task = "" }' || true
if [[ "$state" != COMPLETED ]]; then
  echo "slurm test: FAILED, the merge job is ${state:-unknown}; the jobs' output:" >&2
  tail -n 20 "$work"/logs/*.out >&2 || true
  exit 1
fi
failed=0
for f in "$work"/one/*.csv; do
  name="$(basename "$f")"
  if cmp -s "$f" "$work/merged/$name"; then
    echo "slurm test: $name byte-identical"
  else
    echo "slurm test: FAILED, $name differs between the merged shards and one process" >&2
    failed=1
  fi
done
[[ -f "$work/merged/report.html" ]] || { echo "slurm test: FAILED, no report.html" >&2; failed=1; }
[[ $failed -eq 0 ]] || exit 1
echo "slurm test: passed in $(took "$t0")"
