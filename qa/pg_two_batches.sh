#!/bin/bash
# Two batches at once sharing one PostgreSQL store (qa/pg_server.py running), overlapping
# manuscripts and URLs; then both again: the web must be asked nothing.
set -u -m
QA=$(cd "$(dirname "$0")" && pwd); J=${1:-/tmp/qa4j}
. /work/venv/bin/activate; export PYTHONPATH=$QA/.. XDG_CACHE_HOME=/tmp/qa4cache_pg CI=1
PG=$(cat $QA/out/pg_url.txt)
hits() { sleep 2.5; python -c "import json;print(sum(sum(d.values()) for d in json.load(open('$QA/out/hits.json')).values()))"; }
A="$J/vol200* $J/vol2010 $J/vol2011"; B="$J/vol201* $J/vol202*"
for round in 1 2; do
  h0=$(hits)
  citecheck batch $A --store "$PG" --no-sources --no-archive --format json -o /tmp/qa4_pgA$round.json > /tmp/qa4_pgA$round.out 2>&1 & PA=$!
  citecheck batch $B --store "$PG" --no-sources --no-archive --format json -o /tmp/qa4_pgB$round.json > /tmp/qa4_pgB$round.out 2>&1 & PB=$!
  wait $PA; ra=$?; wait $PB; rb=$?
  h1=$(hits); echo "round $round: rc A=$ra B=$rb, requests to the web: $((h1-h0))"
  cat /tmp/qa4_pgA$round.out /tmp/qa4_pgB$round.out | grep -v "^$" | head -5
  for x in A B; do python -c "
import json;d=json.load(open('/tmp/qa4_pg$x$round.json'));print('$x', d['status'], d['manuscripts'], d['urls'], d['totals'])"; done
done
