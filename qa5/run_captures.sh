#!/bin/bash
# New captures: Save Page Now 2 and Perma.cc stand-ins, then the local WARC read back.
cd /work/wt/qa5/qa5/out && . ../env.sh
export CITECHECK_IA_KEYS=access:secret CITECHECK_PERMA_KEY=perma-key-123
rm -rf warc_cap; sed 's#warc-dir = "warc"#warc-dir = "warc_cap"\nperma-folder = 27#' citecheck.toml > captures.toml
start=$(date +%s)
citecheck archive article.md --config captures.toml --provider warc --provider wayback --provider perma \
  --format json -o captures.json 2> captures.err; echo "rc=$? after $(( $(date +%s) - start )) s"
python - <<'PY'
import json
d = json.load(open("captures.json"))
for a in d["archives"]:
    print(a["url"][-38:], [(c["provider"], c["archive_url"]) for c in a["captures"] if c["provider"] != "warc"], a["problems"])
PY
python ../read_warcs.py warc_cap | tail -1
