#!/bin/bash
# qa6/run_check.sh NAME FILE [extra args]: citecheck check with every report, into qa6/out/NAME.*
. /work/wt/qa6/qa6/env.sh
N=$1; F=$2; shift 2
O=qa6/out
start=$(date +%s.%N)
timeout 300 citecheck check "$F" --config $O/citecheck.toml --format text -o $O/$N.txt \
  --report json=$O/$N.json --report html=$O/$N.html --report markdown=$O/$N.md \
  --report sarif=$O/$N.sarif --report junit=$O/$N.junit.xml --bib $O/$N.bib "$@" 2> $O/$N.stderr
rc=$?
echo "$N rc=$rc time=$(echo "$(date +%s.%N) - $start" | bc)s stderr: $(head -c 400 $O/$N.stderr)"
