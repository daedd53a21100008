"""Recompute rot_by_year from truth.json and compare with a batch JSON summary. python qa/check_rot.py SUMMARY.json"""
import collections, json, sys
from pathlib import Path
t = json.loads((Path(__file__).parent / "out" / "truth.json").read_text())
exp = collections.Counter()
for path, v in t["cited"].items():
    for u in v["urls"]:
        exp[(str(v["year"]), t["truth"][u])] += 1
d = json.load(open(sys.argv[1]))
got = collections.Counter({(r["group"], r["status"]): r["count"] for r in d["rot_by_year"]})
print("rot_by_year equal:", exp == got)
for k in sorted(set(exp) | set(got)):
    if exp[k] != got[k]:
        print("  ", k, "expected", exp[k], "got", got[k])
tot = sum(got.values()); print("citations in rot_by_year", tot, "totals.urls", d["totals"]["urls"])
