#!/bin/bash
# citecheck check (not batch) with a slow archive stage, stderr not a terminal, lines timestamped.
cd /work/wt/qa5/qa5/new4 && . ../env.sh && rm -f /tmp/qa5_pcache.sqlite3
start=$(date +%s)
citecheck check progress/article.md --config progress/slow-archive.toml -o /tmp/qa5_pc.txt \
  2> >(while IFS= read -r l; do echo "+$(( $(date +%s) - start ))s $l"; done > progress_check_stderr.txt)
echo "rc=$? after $(( $(date +%s) - start )) s"; sleep 1; cat progress_check_stderr.txt
