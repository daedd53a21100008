"""Validate the CI job's SARIF against SARIF 2.1.0 and read its JUnit with xml.etree."""
import json, xml.etree.ElementTree as ET
from pathlib import Path
import jsonschema
O = Path("qa6/out/ci")
schema = json.load(open("/work/shared/schemas/sarif-schema-2.1.0.json"))
for s in sorted(O.glob("*.sarif")):
    d = json.loads(s.read_text())
    errs = list(jsonschema.Draft7Validator(schema).iter_errors(d))
    res = [r for run in d["runs"] for r in run.get("results", [])]
    levels = {}
    for r in res: levels[r.get("level")] = levels.get(r.get("level"), 0) + 1
    uris = {l["physicalLocation"]["artifactLocation"]["uri"] for r in res for l in r.get("locations", [])}
    print(s.name, "schema errors", len(errs), [e.message[:80] for e in errs[:2]], "results", len(res), levels, "uris", sorted(uris)[:4])
for j in sorted(O.glob("*.junit.xml")):
    root = ET.parse(j).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    cases = [c for s in suites for c in s.findall("testcase")]
    fails = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    print(j.name, "suites", len(suites), "cases", len(cases), "failures", len(fails), "skipped", len(skipped),
          "attrs", {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")})
