"""Read every qa6 export back: BibTeX with bibtexparser v2 and pybtex, CSL-JSON against the schema."""
import json, subprocess, sys
from pathlib import Path
import bibtexparser, jsonschema
from pybtex.database import parse_string
O = Path("qa6/out"); M = Path("qa6/manuscripts")
schema = json.load(open("/work/shared/schemas/csl-data.json"))
for name, f in [("a", "a_chapter.docx"), ("b", "b_essay.md"), ("c", "c_paper.tex"), ("dsup", "d_report_sup.txt")]:
    for fmt, ext in [("bibtex", "bib"), ("csl-json", "csl.json")]:
        out = O / f"cite_{name}.{ext}"
        r = subprocess.run(["citecheck", "cite", str(M / f), "--format", fmt, "-o", str(out)], capture_output=True, text=True)
        print(name, fmt, "rc", r.returncode, r.stderr.strip()[:200])
    text = (O / f"cite_{name}.bib").read_text()
    lib = bibtexparser.parse_string(text)
    print("  bibtexparser entries", len(lib.entries), "failed blocks", len(lib.failed_blocks), "dup keys", [b.key for b in lib.failed_blocks][:5])
    try:
        db = parse_string(text, "bibtex"); print("  pybtex entries", len(db.entries))
    except Exception as e:
        print("  pybtex ERROR", e)
    data = json.loads((O / f"cite_{name}.csl.json").read_text())
    errs = list(jsonschema.Draft7Validator(schema).iter_errors(data))
    print("  csl items", len(data), "schema errors", len(errs), [e.message[:100] for e in errs[:3]])
    # check-time --bib vs cite export
    if (O / f"{name}.bib").exists():
        print("  check --bib entries", len(bibtexparser.parse_string((O / f"{name}.bib").read_text()).entries))
