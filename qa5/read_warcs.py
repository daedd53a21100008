"""Read every WARC of qa5/out/warc back with warcio; check the manifest's hashes against them."""
import hashlib, json, sys
from pathlib import Path
from warcio.archiveiterator import ArchiveIterator

d = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "warc")
manifest = [json.loads(l) for l in (d / "manifest.jsonl").read_text().splitlines()]
bad = 0
for m in manifest:
    f = d / m["warc_file"]
    if hashlib.sha256(f.read_bytes()).hexdigest() != m["warc_sha256"]:
        print("warc_sha256 differs", f.name); bad += 1
    types, body_sha, info = [], None, {}
    with f.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            types.append(rec.rec_type)
            if rec.rec_type == "warcinfo":
                info = dict(l.split(": ", 1) for l in rec.content_stream().read().decode().splitlines() if ": " in l)
            if rec.rec_type == "response" and rec.rec_headers.get_header("WARC-Target-URI") == m["final_url"]:
                body_sha = hashlib.sha256(rec.content_stream().read()).hexdigest()
    ok = body_sha == m["content_sha256"]
    bad += not ok
    print(f.name, types, "cited-url", info.get("citecheck-cited-url"), "date", info.get("citecheck-cited-date"), "body sha ok" if ok else f"BODY SHA DIFFERS {body_sha}")
print("records checked:", len(manifest), "problems:", bad)
