"""Rebuild the hand-written .docx fixtures of this folder.

Pandoc writes footnotes only, with plain hyperlinks; the Word features the
reader must also handle (endnotes, field-code hyperlinks, custom marks,
symbols, tracked deletions, hidden text, note number formats) are written
here as small WordprocessingML parts, zipped with fixed timestamps so that a
rebuild gives the same bytes. Run from the repository root::

    .venv/bin/python tests/corpus/docx/src/make_docx.py           # write the files
    .venv/bin/python tests/corpus/docx/src/make_docx.py --check   # compare only
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]  # tests/corpus/docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = f'xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="{MC}"'
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

SEPARATORS = {
    "footnote": (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    ),
    "endnote": (
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:endnote>"
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:endnote>"
    ),
}


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(content)}</w:p>"


def fref(note_id: int, *, custom: bool = False) -> str:
    extra = ' w:customMarkFollows="1"' if custom else ""
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"{extra}/></w:r>'
    )


def eref(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
        f'<w:endnoteReference w:id="{note_id}"/></w:r>'
    )


def note(kind: str, note_id: int, *paragraphs: str) -> str:
    """A note whose first paragraph starts with Word's printed number."""
    mark = f'<w:r><w:rPr><w:rStyle w:val="{kind.title()}Reference"/></w:rPr><w:{kind}Ref/></w:r>'
    first, *rest = paragraphs
    first = first.replace("<w:p>", f"<w:p>{mark}", 1)
    return f'<w:{kind} w:id="{note_id}">{first}{"".join(rest)}</w:{kind}>'


def hyperlink_field(url: str, visible: str, *, split: bool = False) -> str:
    """A complex HYPERLINK field, its instruction optionally split over runs."""
    if split:
        half = len(url) // 2
        instruction = (
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "</w:instrText></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{url[:half]}</w:instrText></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{url[half:]}" \\o "tip" </w:instrText></w:r>'
        )
    else:
        instruction = (
            f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>'
        )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"{instruction}"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{visible}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def package(
    body: str,
    *,
    footnotes: str = "",
    endnotes: str = "",
    footnote_links: dict[str, str] | None = None,
    settings: str = "",
    title: str = "",
    section: str = "<w:sectPr/>",
) -> bytes:
    parts: dict[str, str] = {}
    main_type = "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    overrides = [f'<Override PartName="/word/document.xml" ContentType="application/{main_type}"/>']
    doc_rels = []
    if footnotes:
        parts["word/footnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:footnotes {NS}>{SEPARATORS['footnote']}{footnotes}</w:footnotes>"
        )
        doc_rels.append(
            f'<Relationship Id="rId2" Type="{REL_TYPE}/footnotes" Target="footnotes.xml"/>'
        )
    if endnotes:
        parts["word/endnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:endnotes {NS}>{SEPARATORS['endnote']}{endnotes}</w:endnotes>"
        )
        doc_rels.append(
            f'<Relationship Id="rId3" Type="{REL_TYPE}/endnotes" Target="endnotes.xml"/>'
        )
    if settings:
        parts["word/settings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:settings {NS}>{settings}</w:settings>"
        )
        doc_rels.append(
            f'<Relationship Id="rId4" Type="{REL_TYPE}/settings" Target="settings.xml"/>'
        )
    if footnote_links:
        rels = "".join(
            f'<Relationship Id="{rid}" Type="{REL_TYPE}/hyperlink" Target="{url}" '
            'TargetMode="External"/>'
            for rid, url in footnote_links.items()
        )
        parts["word/_rels/footnotes.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>"
        )
    if title:
        parts["docProps/core.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></cp:coreProperties>"
        )
    parts["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NS}><w:body>{body}{section}</w:body></w:document>"
    )
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{''.join(doc_rels)}</Relationships>"
    )
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_TYPE}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f"{''.join(overrides)}</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"))
    return buffer.getvalue()


def word_endnotes() -> bytes:
    """Footnotes and endnotes in one document, Word's default numbering."""
    body = (
        para(run("Homeland Security as a Theory of Action"), style="Title")
        + para(run("The terrorist attack on 9/11 in effect closed America’s borders."), fref(2))
        + para()
        + para(
            run("Wait times could be measured by days not hours."),
            eref(1),
            run(" Lines stretched on for miles."),
            fref(3),
        )
        + para(run("Trade reached a record level in 2013."), eref(2))
    )
    footnotes = note(
        "footnote",
        2,
        para(run(" Alan D. Bersin is Assistant Secretary for International Affairs.")),
    ) + note("footnote", 3, para(run(" See Ken Ellingwood, "), run("Fallout"), run(", 2001.")))
    endnotes = note("endnote", 1, para(run(" Los Angeles Times, September 14, 2001."))) + note(
        "endnote", 2, para(run(" U.S. Census Bureau, Foreign Trade."))
    )
    return package(body, footnotes=footnotes, endnotes=endnotes)


def word_hyperlinks() -> bytes:
    """Links in notes: relationship hyperlinks, HYPERLINK fields, fldSimple."""
    body = para(
        run("Goldman Sachs projected Mexico’s rise."),
        fref(1),
        run(" The review framed the objective."),
        fref(2),
        run(" The DEA marked the anniversary."),
        fref(3),
    )
    footnotes = (
        note(
            "footnote",
            1,
            para(
                run(" Goldman Sachs, “The N-11,” available at "),
                '<w:hyperlink r:id="rId7" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
                "</w:rPr><w:t>chicagobooth.edu</w:t></w:r></w:hyperlink>",
                run("; mirror at "),
                '<w:hyperlink r:id="rId8"><w:r><w:t>http://example.org/n11.pdf</w:t></w:r>'
                "</w:hyperlink>",
                run("."),
            ),
        )
        + note(
            "footnote",
            2,
            para(
                run(" See page 15 of the 2014 review, accessible at "),
                hyperlink_field(
                    "http://www.dhs.gov/sites/default/files/publications/2014-qhsr-final-508.pdf",
                    "the DHS site",
                    split=True,
                ),
                run(" and "),
                hyperlink_field("https://www.dhs.gov/", "https://www.dhs.gov/"),
                run("."),
            ),
        )
        + note(
            "footnote",
            3,
            para(
                run(" "),
                '<w:fldSimple w:instr=" HYPERLINK &quot;http://www.dea.gov/divisions/hq/2010/'
                'pr030410p.html&quot; "><w:r><w:t>DEA Observes 25th Anniversary</w:t></w:r>'
                "</w:fldSimple>",
                run(", U.S. Drug Enforcement Administration, "),
                '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>see above</w:t></w:r></w:hyperlink>',
                run("."),
            ),
        )
    )
    links = {
        "rId7": "http://www.chicagobooth.edu/~media/E60BDCEB6C5245E59B7ADA7C6B1B6F2B.pdf",
        "rId8": "http://example.org/n11.pdf",
    }
    return package(body, footnotes=footnotes, footnote_links=links, title="Links in notes")


def word_runs() -> bytes:
    """Multi-paragraph notes and the run content Word can put in them."""
    deleted = (
        '<w:del w:id="90" w:author="Editor"><w:r><w:delText>deleted words </w:delText></w:r>'
        "</w:del>"
    )
    inserted = '<w:ins w:id="91" w:author="Editor">' + run("inserted words ") + "</w:ins>"
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words </w:t></w:r>"
    alternate = (
        '<mc:AlternateContent><mc:Choice Requires="wps">'
        + run("[chosen]")
        + "</mc:Choice><mc:Fallback>"
        + run("[fallback]")
        + "</mc:Fallback></mc:AlternateContent>"
    )
    body = (
        para(
            run("Risk management is the key ingredient"),
            fref(5),
            run(" and "),
            deleted,
            inserted,
            hidden,
            run("the principle of co-responsibility is central."),
            fref(6, custom=True),
            run("*"),
        )
        + "<w:tbl><w:tr><w:tc>"
        + para(run("A table cell cites a source."), fref(7))
        + "</w:tc></w:tr></w:tbl>"
        + para(run("After the table "), alternate, run("."))
    )
    footnotes = (
        note(
            "footnote",
            5,
            para(
                run(" Col.\tA"),
                "<w:r><w:tab/><w:t>Col. B</w:t></w:r>",
                '<w:r><w:br/><w:t xml:space="preserve">next line; co</w:t><w:softHyphen/>'
                "<w:t>operation, cross</w:t><w:noBreakHyphen/><w:t>border, 5 </w:t>"
                '<w:sym w:font="Symbol" w:char="F0B4"/><w:t xml:space="preserve"> 3, </w:t>'
                '<w:sym w:font="Symbol" w:char="F061"/>'
                '<w:t xml:space="preserve">-risk.</w:t></w:r>',
            ),
            para(run("Second paragraph of the same note.")),
            para(run("Third, citing "), deleted, run("the 2014 QHSR.")),
        )
        + '<w:footnote w:id="6"><w:p><w:r><w:t xml:space="preserve"> A note with a custom mark.'
        "</w:t></w:r></w:p></w:footnote>"
        + note("footnote", 7, para(run(" U.S. Census Bureau, 2014.")))
        + note("footnote", 8, para(run(" A note nobody references.")))
    )
    return package(body, footnotes=footnotes)


def word_numbering() -> bytes:
    """Note number formats from the settings part; endnotes clash with footnotes."""
    settings = (
        '<w:footnotePr><w:numFmt w:val="chicago"/></w:footnotePr>'
        '<w:endnotePr><w:numFmt w:val="lowerLetter"/><w:numStart w:val="3"/></w:endnotePr>'
    )
    body = para(run("First claim."), fref(1), run(" Second claim."), eref(1)) + para(
        run("Third claim."), fref(2), run(" Fourth claim."), eref(2), fref(1)
    )
    footnotes = note("footnote", 1, para(run(" Footnote a."))) + note(
        "footnote", 2, para(run(" Footnote b."))
    )
    endnotes = note("endnote", 1, para(run(" Endnote one."))) + note(
        "endnote", 2, para(run(" Endnote two.")), para(run("Its second paragraph."))
    )
    return package(body, footnotes=footnotes, endnotes=endnotes, settings=settings)


def word_clash() -> bytes:
    """Endnotes numbered like footnotes (1, 2 ...): endnote labels become e1, e2."""
    settings = '<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'
    body = para(run("A claim."), fref(1), run(" Another claim."), eref(1))
    footnotes = note("footnote", 1, para(run(" The footnote.")))
    endnotes = note("endnote", 1, para(run(" The endnote.")))
    return package(body, footnotes=footnotes, endnotes=endnotes, settings=settings)


FIXTURES = {
    "word-clash.docx": word_clash,
    "word-endnotes.docx": word_endnotes,
    "word-hyperlinks.docx": word_hyperlinks,
    "word-runs.docx": word_runs,
    "word-numbering.docx": word_numbering,
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, build in FIXTURES.items():
        data = build()
        target = HERE / name
        if check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
