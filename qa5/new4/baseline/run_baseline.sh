#!/bin/bash
# Baseline of per-work findings (retracted, work-not-found); then the work is cited once more earlier.
cd /work/wt/qa5/qa5/new4/baseline && . ../../env.sh
C="--config ../../out/citecheck.toml --no-links --no-archive --fail-on warning"
for pair in "v1 v2" "n1 n2"; do set -- $pair
  cp $1.md essay.md; citecheck check essay.md $C --write-baseline base_$1.json > /dev/null 2>&1; echo "write $1 rc=$?"
  citecheck check essay.md $C --baseline base_$1.json > /dev/null 2>&1; echo "  same text rc=$? (expect 0)"
  cp $2.md essay.md; citecheck check essay.md $C --baseline base_$1.json --format json -o $2.json 2>/dev/null; echo "  $2 rc=$?"
  python -c "
import json; d=json.load(open('$2.json'))
for f in d['findings']: print('   ', f['rule'], 'note', f.get('note'), 'baselined' if f.get('baselined') else 'NEW', '|', f['message'][:90])"
done
