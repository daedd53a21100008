#!/bin/bash
# A CI maintainer's workflow in a scratch repo: baseline, config files, --fail-on, SARIF, JUnit, cache.
set -u
QA=$(cd "$(dirname "$0")/.." && pwd)
. /work/venv/bin/activate; export PYTHONPATH=$QA/.. CI=1
R=/tmp/qa4_ci; rm -rf $R; mkdir -p $R/chapters; cd $R
export XDG_CACHE_HOME=$R/.cache
A=$(python -c "import json;print(json.load(open('$QA/out/web.json'))['alive'])")
D=$(python -c "import json;print(json.load(open('$QA/out/web.json'))['dead'])")
RL=$(python -c "import json;print(json.load(open('$QA/out/web.json'))['redirecting'])")
cat > chapters/ch1.md <<MD
# Chapter 1

Crossings fell by 12 percent in 2019.[^1] The bridge was finished.[^2] The port moved.[^3]

[^1]: Maria Lopez, *Report /doc/alive-1.html*, Border Policy Institute (March 3, 2019), $A/doc/alive-1.html.
[^2]: John Smith, *Bridge Financing*, Border Policy Institute (May 2, 2018), $D/doc/dead-5.html.
[^3]: Ana Gutierrez, *Report /moved/doc/redirecting-1.html* (June 1, 2017), $RL/doc/redirecting-1.html.
MD
hits() { sleep 2.5; python -c "import json;print(sum(sum(d.values()) for d in json.load(open('$QA/out/hits.json')).values()))"; }
C="citecheck check chapters/ch1.md --no-sources --no-archive"
h0=$(hits); $C --format text > run1.txt; echo "1 plain: rc=$? (dead link: expect 1)"; h1=$(hits); echo "  web requests $((h1-h0))"
$C --format json -o run2.json; echo "2 same again: rc=$?"; h2=$(hits); echo "  web requests on rerun (cache): $((h2-h1))"
python -c "import json;print('  from_cache:', [l['from_cache'] for l in json.load(open('run2.json'))['links']])"
$C --write-baseline citecheck-baseline.json > /dev/null; echo "3 write-baseline: rc=$?"
$C --baseline citecheck-baseline.json > /dev/null; echo "4 with baseline: rc=$? (expect 0)"
echo "Another claim.[^4]

[^4]: Tomas Ruiz, *Other*, (2020), $D/doc/dead-9.html." >> chapters/ch1.md
$C --baseline citecheck-baseline.json --format text > run5.txt; echo "5 new dead link + baseline: rc=$? (expect 1)"; grep -c "dead" run5.txt
# line shift: insert a paragraph at the top; baselined findings should stay accepted
sed -i '2a\
A new opening paragraph with no notes.\
' chapters/ch1.md
$C --baseline citecheck-baseline.json --format json -o run6.json; echo "6 lines shifted + baseline: rc=$?"
python -c "import json;d=json.load(open('run6.json'));print('  baselined:', [(f['rule'],f['baselined']) for f in d['findings']])"
# fail-on
$C --baseline citecheck-baseline.json --fail-on warning > /dev/null; echo "7 --fail-on warning: rc=$?"
$C --fail-on bogus > /dev/null 2> err8; echo "8 --fail-on bogus: rc=$? $(cat err8 | head -2)"
# config files
printf '[tool.citecheck]\nfail-on = "note"\n' > pyproject.toml
$C --baseline citecheck-baseline.json > /dev/null; echo "9 pyproject fail-on=note: rc=$?"
printf 'fail-on = "error"\n' > citecheck.toml
$C --baseline citecheck-baseline.json > /dev/null 2>err10; echo "10 both pyproject (note) and citecheck.toml (error): rc=$? $(head -2 err10)"
printf 'fail-on = "eror"\n' > citecheck.toml
$C > /dev/null 2>err11; echo "11 typo in citecheck.toml: rc=$? $(head -2 err11)"
printf '[tool.citecheck]\nfail_on = "warning"\n' > pyproject.toml; rm citecheck.toml
$C > /dev/null 2>err12; echo "12 underscore key in pyproject: rc=$? $(head -2 err12)"
printf '[tool.citecheck]\nbaseline = "citecheck-baseline.json"\n' > pyproject.toml
mkdir -p sub && (cd sub && citecheck check ../chapters/ch1.md --no-sources --no-archive > /dev/null; echo "13 baseline from pyproject, run from sub/: rc=$?")
rm pyproject.toml
# SARIF + JUnit
$C --baseline citecheck-baseline.json --report sarif=out.sarif --report junit=out.xml --report github=gh.txt > /dev/null; echo "14 reports: rc=$?"
python - <<PY
import json, jsonschema, xml.etree.ElementTree as ET
s = json.load(open("out.sarif")); schema = json.load(open("/work/shared/schemas/sarif-schema-2.1.0.json"))
errs = list(jsonschema.Draft7Validator(schema).iter_errors(s)); print("  SARIF schema errors:", len(errs), [e.message[:120] for e in errs[:3]])
r = s["runs"][0]["results"]
print("  SARIF results:", [(x["ruleId"], x.get("level"), x.get("suppressions", [{}])[0].get("kind") if x.get("suppressions") else None, x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], x["locations"][0]["physicalLocation"].get("region", {}).get("startLine")) for x in r])
print("  partialFingerprints:", [list(x.get("partialFingerprints", {}).keys()) for x in r][:2])
t = ET.parse("out.xml").getroot()
print("  JUnit root:", t.tag, t.attrib)
for tc in t.iter("testcase"):
    kids = [c.tag for c in tc]
    print("   testcase", tc.get("classname"), tc.get("name")[:70], kids)
PY
cat gh.txt | head -5
