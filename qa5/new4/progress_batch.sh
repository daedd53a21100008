#!/bin/bash
# batch with stderr to a file (not a terminal): expect a progress line every 30 s of a long pass.
cd /work/wt/qa5/qa5/new4 && . ../env.sh && rm -f /tmp/qa5_prog.sqlite3
start=$(date +%s)
citecheck batch progress --config progress/slow-archive.toml --store sqlite:////tmp/qa5_prog.sqlite3 \
  -o /tmp/qa5_prog_summary.txt 2> >(while IFS= read -r l; do echo "+$(( $(date +%s) - start ))s $l"; done > progress_stderr.txt); echo "rc=$? after $(( $(date +%s) - start )) s"; sleep 1
cat progress_stderr.txt
