"""Compare a batch store's URL verdicts with qa/out/truth.json.  python qa/compare_truth.py STORE.sqlite3"""
import collections, json, sqlite3, sys
from pathlib import Path
t = json.loads((Path(__file__).parent / "out" / "truth.json").read_text())
truth = t["truth"]
cited = {u for v in t["cited"].values() for u in v["urls"]}
c = sqlite3.connect(sys.argv[1])
bid = c.execute("select batch_id from batch_urls limit 1").fetchone()[0]
got = {u: (s, json.loads(v)["reason"] if v else None) for u, s, v in c.execute("select url, status, verdict from batch_urls")}
mism = collections.Counter()
for u in cited:
    s = got.get(u, ("MISSING", None))[0]
    if s != truth[u]:
        mism[(truth[u], s)] += 1
        if mism[(truth[u], s)] <= 2:
            print("  ", u, "expected", truth[u], "got", got.get(u))
print("cited", len(cited), "in store", len(got), "mismatches", dict(mism))
