#!/bin/bash
# citecheck sources on article.md with Crossref (and then both indexes) down/slow/429/500/HTML.
cd /work/wt/qa5/qa5/out
for mode in ${MODES:-closed crossref500 crossref429 crossrefslow crossrefhtml "closed closed"}; do
  . ../env.sh $mode
  tag=$(echo $mode | tr ' ' _)
  start=$(date +%s.%N)
  citecheck sources article.md --config citecheck.toml --no-cache --format json > out_$tag.json 2> out_$tag.err
  rc=$?
  end=$(date +%s.%N)
  python - "$tag" "$rc" "$start" "$end" <<'PY'
import json, sys, collections
tag, rc, s, e = sys.argv[1:]
d = json.load(open(f"out_{tag}.json"))
st = collections.Counter(r["status"] for r in d["sources"])
rules = collections.Counter(f["rule"] for f in d["findings"])
print(f"== {tag}: rc={rc} {float(e)-float(s):.1f}s statuses={dict(st)} rules={dict(rules)}")
for u in d["unverified"]: print("   unverified:", u[:230])
for r in d["sources"]:
    if r["status"] in ("unverified", "not-found") and r["note"] in ("1", "6", "21", "22", "29"):
        print(f"   note {r['note']} {r['status']}: {r['reason'][:200]}")
PY
  head -c 400 out_$tag.err
done
