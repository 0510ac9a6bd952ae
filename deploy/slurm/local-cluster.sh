#!/usr/bin/env bash
# local-cluster.sh: a real one-node Slurm cluster on this machine, for testing the Slurm deployment.
#
#   sudo deploy/slurm/local-cluster.sh start DIR   installs Debian's slurmctld, slurmd and munge when missing,
#                                                  writes a munge key and slurm.conf into DIR, starts munged,
#                                                  slurmctld and slurmd, and waits until sinfo shows the node idle
#   sudo deploy/slurm/local-cluster.sh stop DIR    stops the daemons it started (by the PIDs in DIR)
#
# Then: export SLURM_CONF=DIR/slurm.conf, and sbatch, squeue and sinfo talk to that cluster. Runs as root (the
# daemons run as root; proctrack/linuxproc and task/none need no cgroups, so it works in a container too).
# Debian 12's slurm-wlm 22.05 is what it was tested with.
set -euo pipefail

die() { echo "local-cluster: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
action="$1"
dir="$(mkdir -p "$2" && cd "$2" && pwd)"
[[ "$(id -u)" == 0 ]] || die "run as root (the daemons run as root)"

stop() {
  # slurmd first, so that it does not wait for the controller; then the controller, then munge.
  for name in slurmd slurmctld munged; do
    local pidfile="$dir/$name.pid"
    [[ -f "$pidfile" ]] || continue
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$pidfile"
  done
  echo "local-cluster: stopped the daemons of $dir"
}

# apt can be slow or briefly unreachable: two tries, each bounded in time (at most about 12 minutes in all).
# Exit code 3 says that Slurm could not be installed, as distinct from a cluster that would not start (1).
install_packages() {
  command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
    && command -v munged >/dev/null && command -v mungekey >/dev/null && return 0
  echo "local-cluster: installing slurmctld, slurmd, slurm-client and munge (Debian packages)"
  local try
  for try in 1 2; do
    if timeout 120 apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive timeout 240 apt-get install -y -qq --no-install-recommends \
        slurmctld slurmd slurm-client munge >/dev/null; then
      return 0
    fi
    echo "local-cluster: apt-get failed (try $try of 2)" >&2
    [[ $try == 2 ]] || sleep 20
  done
  echo "local-cluster: could not install Slurm with apt-get" >&2
  exit 3
}

start() {
  install_packages
  local host cpus memory
  host="$(hostname -s)"
  # The node as slurmd sees it: its real CPUs and memory.
  cpus="$(slurmd -C | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' | head -1)"
  memory="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -1)"
  [[ -n "$cpus" && -n "$memory" ]] || die "slurmd -C did not describe this node"
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  chmod 700 "$dir/munge"
  # A key of our own, so that nothing of an existing munge set-up is touched.
  [[ -f "$dir/munge/munge.key" ]] || mungekey --create --keyfile="$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/munged.seed"
  cat > "$dir/slurm.conf" <<CONF
# One-node Slurm cluster for testing pace-sim's Slurm deployment (written by deploy/slurm/local-cluster.sh).
ClusterName=pacelocal
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"
  local state=""
  for _ in $(seq 1 60); do
    state="$(sinfo -h -N -o '%t' 2>/dev/null | head -1 || true)"
    [[ "$state" == idle ]] && break
    sleep 1
  done
  if [[ "$state" != idle ]]; then
    echo "local-cluster: the node is '${state:-unknown}', not idle, after 60 s; the logs:" >&2
    tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
    stop
    exit 1
  fi
  echo "local-cluster: node $host ($cpus CPUs, $memory MB) is idle; export SLURM_CONF=$dir/slurm.conf"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
