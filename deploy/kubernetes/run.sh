#!/usr/bin/env bash
# run.sh: runs the shards' Indexed Job, waits until every shard is complete, then runs the merge Job (Kubernetes
# has no afterok between Jobs). Needs kubectl pointed at the cluster, and the image pace-sim:0.1.0 where the
# cluster can pull it (see Dockerfile). Not run on a real cluster by the project's tests: see the README.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubectl apply -f "$here/volume.yaml"
kubectl apply -f "$here/shards-job.yaml"
kubectl wait --for=condition=complete job/pace-shards --timeout="${TIMEOUT:-24h}"
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete job/pace-merge --timeout=1h
kubectl logs job/pace-merge
