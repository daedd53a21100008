"""Generate a journal's back issues: 220 manuscripts (md, html, tex, docx, txt) citing ~400
loopback URLs (qa/out/web.json), with the truth of each URL in qa/out/truth.json.

python qa/gen_journal.py OUTDIR [N]
"""
from __future__ import annotations

import json
import random
import sys
import zipfile
from html import escape
from pathlib import Path

QA = Path(__file__).parent
HOSTS = json.loads((QA / "out" / "web.json").read_text())
EXPECT = {"alive": "alive", "dead": "dead", "ratelimited": "alive", "redirecting": "redirected",
          "slow": "alive", "mixed": None, "soft404": "soft-dead", "refused": "dead"}
POOL_SIZES = {"alive": 120, "dead": 60, "ratelimited": 50, "redirecting": 50, "slow": 24,
              "mixed": 50, "soft404": 20, "refused": 20}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
AUTHORS = ["Maria Lopez", "John Smith", "Ana Gutierrez", "Peter Hall", "Luisa Moreno",
           "David Chen", "Sarah Klein", "Tomas Ruiz"]
TOPICS = ["border wait times", "customs modernization", "trade corridors", "asylum processing",
          "bridge financing", "cargo inspection", "binational water treaties", "port staffing"]


def pool() -> list[tuple[str, str]]:
    urls = []
    for role, n in POOL_SIZES.items():
        for i in range(n):
            path = f"/doc/{role}-{i}.html" if role != "dead" or i % 3 else f"/gone/{role}-{i}.html"
            urls.append((role, HOSTS[role] + path))
    return urls


def expected(role: str, url: str) -> str:
    if role == "mixed":
        return "dead" if url.endswith(("7.html", "3.html")) else "alive"
    return EXPECT[role]


def citation(rng: random.Random, url: str, year: int) -> str:
    a = rng.choice(AUTHORS)
    t = rng.choice(TOPICS).title()
    m = rng.choice(MONTHS)
    return (f"{a}, *{t} in {year}*, Border Policy Institute ({m} {rng.randint(1, 28)}, {year}), "
            f"{url} (accessed {m} {rng.randint(1, 28)}, {year})")


def sentence(rng: random.Random, k: int) -> str:
    t = rng.choice(TOPICS)
    return (f"Studies of {t} published that year found that the average crossing took "
            f"{rng.randint(20, 90)} minutes across {rng.randint(3, 40)} ports of entry (point {k})")


def build(rng: random.Random, idx: int, urls: list[tuple[str, str]]):
    year = 2004 + idx % 20
    # older issues cite more of the rotting hosts
    weights = [3 if role in ("dead", "refused", "soft404", "mixed") and year < 2012 else 1
               for role, _ in urls]
    n = rng.randint(4, 8)
    chosen = []
    while len(chosen) < n:
        u = rng.choices(urls, weights)[0]
        if u not in chosen:
            chosen.append(u)
    notes = [(sentence(rng, k), citation(rng, u, year)) for k, (_, u) in enumerate(chosen, 1)]
    title = f"Issue {idx}: Essays on the Border ({year})"
    return title, year, chosen, notes


def md(title, notes):
    body = "\n\n".join(f"{s}.[^{k}]" for k, (s, _) in enumerate(notes, 1))
    defs = "\n".join(f"[^{k}]: {c}." for k, (_, c) in enumerate(notes, 1))
    return f"# {title}\n\n{body}\n\n{defs}\n"


def txt(title, notes):
    out = [f"# {title}", ""]
    for k, (s, c) in enumerate(notes, 1):
        out += [f"{s}.<sup>{k}</sup>", "", "---", "", f"<sup>{k}</sup> {c}.", "", "---", ""]
    return "\n".join(out)


def html(title, notes):
    body = "".join(f'<p>{escape(s)}.<a class="footnote-ref" href="#fn{k}" id="fnref{k}" '
                   f'role="doc-noteref"><sup>{k}</sup></a></p>\n' for k, (s, _) in enumerate(notes, 1))
    lis = "".join(f'<li id="fn{k}"><p>{escape(c).replace("*", "")}. <a href="#fnref{k}" '
                  f'class="footnote-back">↩︎</a></p></li>\n' for k, (_, c) in enumerate(notes, 1))
    return (f"<!DOCTYPE html><html><head><title>{escape(title)}</title></head><body>"
            f"<h1>{escape(title)}</h1>{body}<section class=\"footnotes\" role=\"doc-endnotes\">"
            f"<ol>{lis}</ol></section></body></html>")


def tex(title, notes):
    def esc(x):
        return x.replace("%", r"\%").replace("&", r"\&").replace("_", r"\_").replace("#", r"\#")
    body = "\n\n".join(
        f"{esc(s)}.\\footnote{{{esc(c).replace('*', '')}.}}" for s, c in notes)
    return (f"\\documentclass{{article}}\n\\title{{{title}}}\n\\begin{{document}}\n\\maketitle\n"
            f"{body}\n\\end{{document}}\n")


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def docx(path: Path, title, notes, *, kind="footnote", hyperlink_field=False, tracked=False,
         comments=False, hyperlink_el=False):
    """A minimal OOXML .docx: footnotes or endnotes, optional HYPERLINK fields, w:hyperlink
    elements, tracked changes (w:ins/w:del) and a comment."""
    tag = "footnote" if kind == "footnote" else "endnote"
    paras = [f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{run(title)}</w:p>']
    note_xml = [f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>',
                f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>']
    rels = []
    for k, (s, c) in enumerate(notes, 1):
        ref = (f'<w:r><w:rPr><w:rStyle w:val="{tag.capitalize()}Reference"/></w:rPr>'
               f'<w:{tag}Reference w:id="{k}"/></w:r>')
        body = run(s)
        if tracked and k == 1:
            body = (run(s[:20]) + '<w:del w:id="900" w:author="Ed" w:date="2020-01-01T00:00:00Z">'
                    '<w:r><w:delText>NOT THIS DELETED TEXT </w:delText></w:r></w:del>'
                    '<w:ins w:id="901" w:author="Ed" w:date="2020-01-01T00:00:00Z">'
                    + run(s[20:]) + '</w:ins>')
        if comments and k == 2:
            body = ('<w:commentRangeStart w:id="0"/>' + body + '<w:commentRangeEnd w:id="0"/>'
                    '<w:r><w:commentReference w:id="0"/></w:r>')
        paras.append(f"<w:p>{body}{run('.')}{ref}</w:p>")
        text, url = c.rsplit(" (accessed", 1)[0].rsplit(", ", 1)
        acc = " (accessed" + c.rsplit(" (accessed", 1)[1] + "."
        plain = text.replace("*", "")
        if hyperlink_field:
            link = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{escape(url)}" </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    + run("available online") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        elif hyperlink_el:
            rid = f"rIdL{k}"
            rels.append(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{escape(url)}" TargetMode="External"/>')
            link = f'<w:hyperlink r:id="{rid}">' + run("link") + "</w:hyperlink>"
        else:
            link = run(url)
        note_xml.append(
            f'<w:{tag} w:id="{k}"><w:p><w:r><w:rPr><w:rStyle w:val="{tag.capitalize()}Reference"/></w:rPr>'
            f'<w:{tag}Ref/></w:r>{run(" " + plain + ", ")}{link}{run(acc)}</w:p></w:{tag}>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(paras)}</w:body></w:document>'
    notes_part = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag}s {W}>{"".join(note_xml)}</w:{tag}s>'
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          f'<Override PartName="/word/{tag}s.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{tag}s+xml"/>'
          + ('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' if comments else "")
          + '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{tag}s" Target="{tag}s.xml"/>'
                + ('<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' if comments else "")
                + '</Relationships>')
    note_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 + "".join(rels) + '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr(f"word/{tag}s.xml", notes_part)
        if rels:
            z.writestr(f"word/_rels/{tag}s.xml.rels", note_rels)
        if comments:
            z.writestr("word/comments.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W}>'
                       f'<w:comment w:id="0" w:author="Ed"><w:p>{run("COMMENT TEXT: check this figure")}</w:p></w:comment></w:comments>')


def main() -> None:
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 220
    rng = random.Random(4)
    urls = pool()
    truth = {u: expected(r, u) for r, u in urls}
    cited = {}
    fmts = ["md", "html", "tex", "docx", "txt"]
    for idx in range(n):
        title, year, chosen, notes = build(rng, idx, urls)
        fmt = fmts[idx % 5]
        sub = out / f"vol{year}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"issue{idx:03d}.{fmt}"
        if fmt == "docx":
            docx(p, title, notes, kind="endnote" if idx % 10 == 3 else "footnote")
        else:
            p.write_text({"md": md, "html": html, "tex": tex, "txt": txt}[fmt](title, notes))
        cited[str(p)] = {"year": year, "urls": [u for _, u in chosen]}
    (out / "vol2099").mkdir(exist_ok=True)
    (out / "vol2099" / "empty.md").write_text("")
    (out / "vol2099" / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (QA / "out" / "truth.json").write_text(json.dumps({"truth": truth, "cited": cited}, indent=0))
    print(f"{n} manuscripts, {len({u for v in cited.values() for u in v['urls']})} distinct URLs cited")


if __name__ == "__main__":
    main()
