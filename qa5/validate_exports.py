"""Parse qa5/out/*.bib with bibtexparser v2 and pybtex; validate CSL-JSON against /work/shared/schemas."""
import json, sys, warnings
from pathlib import Path
import bibtexparser
import jsonschema
from pybtex.database import parse_string

out = Path(__file__).parent / "out"
for name in ("article.bib", "sources.bib"):
    text = (out / name).read_text("utf-8")
    lib = bibtexparser.parse_string(text)
    print(name, "bibtexparser:", len(lib.entries), "entries,", len(lib.failed_blocks), "failed blocks,",
          len(lib.duplicate_field_keys_blocks) if hasattr(lib, "duplicate_field_keys_blocks") else "")
    for b in lib.failed_blocks:
        print("  FAILED:", type(b).__name__, repr(b.raw[:120]))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            db = parse_string(text, "bibtex")
            print(name, "pybtex:", len(db.entries), "entries;", len(w), "warnings", [str(x.message)[:100] for x in w[:3]])
        except Exception as e:
            print(name, "pybtex ERROR:", type(e).__name__, e)
schema = json.loads(Path("/work/shared/schemas/csl-data.json").read_text())
data = json.loads((out / "sources.csl.json").read_text())
v = jsonschema.Draft7Validator(schema)
errs = list(v.iter_errors(data))
print("CSL-JSON items:", len(data), "schema errors:", len(errs))
for e in errs[:10]:
    print("  ", list(e.absolute_path), e.message[:150])
