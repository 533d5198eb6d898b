#!/usr/bin/env bash
# Example Slurm job array: the nightly campaign in 8 shards, then a merge job that depends on all
# of them (one verdict, one report). Submit from the repository root after one build
# (mvn -B -ntp -q install -DskipTests), on a shared file system:
#
#   jid=$(sbatch --parsable --array=1-8 ci/slurm-campaign.example.sh shard)
#   sbatch --dependency=afterany:$jid ci/slurm-campaign.example.sh merge
#
# A shard that is killed (time limit, preemption) is recorded as INTERRUPTED and resumes from its
# finished units:  sbatch --array=<i> ci/slurm-campaign.example.sh resume
#SBATCH --job-name=seedverify
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --signal=B:INT@120          # SIGINT two minutes before the limit: the run is recorded as INTERRUPTED
#SBATCH --output=reports-out/slurm-%A_%a.log
set -euo pipefail
root="${SLURM_SUBMIT_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
n=8
out="$root/reports-out/nightly-${SEEDVERIFY_CAMPAIGN_ID:-$(date -u +%Y%m%d)}"
case "${1:-shard}" in
  shard)
    i="$SLURM_ARRAY_TASK_ID"
    # exec, so the SIGINT reaches the JVM; a shard alone never signs off (exit 1): the merge decides
    exec "$root/bin/seedverify" campaign --config "$root/ci/campaigns/nightly.yaml" --shard "$i/$n" --id "shard-$i" --out "$out" ;;
  resume)
    exec "$root/bin/seedverify" campaign --resume "$out/runs/shard-$SLURM_ARRAY_TASK_ID" --out "$out" ;;
  merge)
    exec "$root/bin/seedverify" report merge "$out"/runs/shard-* --out "$out/merged" ;;
  *) echo "usage: $0 shard|resume|merge" >&2; exit 2 ;;
esac
