"""Real-world file shapes: python make_shapes.py (writes beside itself, URLs from ../out/web.json)."""
import json, sys, zipfile
from pathlib import Path
here = Path(__file__).parent
sys.path.insert(0, str(here.parent))
from gen_journal import docx  # noqa: E402
web = json.loads((here.parent / "out" / "web.json").read_text())
A, D = web["alive"], web["dead"]
notes = [("Crossings fell by 12 percent in 2019", f"Maria Lopez, *Border Wait Times*, Border Policy Institute (March 3, 2019), {A}/doc/alive-1.html (accessed March 4, 2019)"),
         ("The bridge cost $40 million", f"John Smith, *Bridge Financing*, Border Policy Institute (May 2, 2018), {D}/doc/dead-5.html (accessed May 3, 2018)"),
         ("Inspections doubled", f"Ana Gutierrez, *Cargo Inspection*, Border Policy Institute (June 1, 2017), {A}/doc/alive-2.html (accessed June 2, 2017)")]
docx(here / "endnotes.docx", "Endnotes", notes, kind="endnote")
docx(here / "hyperlink_fields.docx", "Fields", notes, hyperlink_field=True)
docx(here / "hyperlink_elements.docx", "Elements", notes, hyperlink_el=True)
docx(here / "tracked_comments.docx", "Tracked", notes, tracked=True, comments=True)
(here / "refs.bib").write_text(r"""@report{lopez2019,
  author = {Lopez, Maria}, title = {Border Wait Times}, institution = {Border Policy Institute},
  date = {2019-03-03}, url = {%s/doc/alive-1.html}, urldate = {2019-03-04}}
@report{smith2018,
  author = {Smith, John}, title = {Bridge Financing}, institution = {Border Policy Institute},
  date = {2018-05-02}, url = {%s/doc/dead-5.html}, urldate = {2018-05-03}}
""" % (A, D))
(here / "chapter2.tex").write_text("Inspections doubled after the new rules.\\footcite[12]{smith2018} And the other claim.\\footnote{See \\url{%s/doc/alive-3.html}.}\n" % A)
(here / "biblatex.tex").write_text(r"""\documentclass{article}
\usepackage[style=verbose,autocite=footnote]{biblatex}
\addbibresource{refs.bib}
\begin{document}
Crossings fell by 12 percent in 2019.\autocite{lopez2019} The bridge was paid for twice.\footcite[see][4]{smith2018}
\input{chapter2}
Unknown key here.\footcite{nosuchkey}
\printbibliography
\end{document}
""")
(here / "google_docs.html").write_text(f"""<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c3{{font-style:italic}}</style></head><body class="c5 doc-content">
<p class="c2"><span class="c1">Crossings fell by 12 percent in 2019.</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span> The bridge cost $40 million.</span><sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup></p>
<hr class="c6"><div><p class="c4"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c1">&nbsp;Maria Lopez, </span><span class="c3">Border Wait Times</span><span>, Border Policy Institute (March 3, 2019), </span><span class="c7"><a class="c8" href="https://www.google.com/url?q={A}/doc/alive-1.html&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=AOv">{A}/doc/alive-1.html</a></span></p></div>
<div><p class="c4"><a href="#ftnt_ref2" id="ftnt2">[2]</a><span class="c1">&nbsp;John Smith, </span><span class="c3">Bridge Financing</span><span>, (May 2, 2018), </span><a href="https://www.google.com/url?q={D}/doc/dead-5.html&amp;sa=D">available here</a></p></div>
</body></html>""")
(here / "wordpress.html").write_text(f"""<!DOCTYPE html><html><head><title>WP post</title></head><body><article><div class="entry-content">
<p>Crossings fell by 12 percent in 2019.<sup data-fn="a1b2" class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup> The bridge cost $40 million.<sup data-fn="c3d4" class="fn"><a href="#c3d4" id="c3d4-link">2</a></sup></p>
<ol class="wp-block-footnotes"><li id="a1b2">Maria Lopez, <em>Border Wait Times</em>, (March 3, 2019), <a href="{A}/doc/alive-1.html">{A}/doc/alive-1.html</a> <a href="#a1b2-link" aria-label="Jump to footnote reference 1">↩︎</a></li>
<li id="c3d4">John Smith, <em>Bridge Financing</em> (May 2, 2018), {D}/doc/dead-5.html <a href="#c3d4-link">↩︎</a></li></ol>
</div></article></body></html>""")
(here / "pandoc_inline.md").write_text(f"""# Inline notes

Crossings fell by 12 percent in 2019.^[Maria Lopez, *Border Wait Times*, Border Policy Institute (March 3, 2019), <{A}/doc/alive-1.html>.] The bridge cost $40 million.^[John Smith, *Bridge [Financing]*, (May 2, 2018), {D}/doc/dead-5.html.] Inspections doubled.[^x]

[^x]: Ana Gutierrez, *Cargo Inspection* (June 1, 2017), {A}/doc/alive-2.html.
""")
with zipfile.ZipFile(here / "book.epub", "w") as z:
    z.writestr("mimetype", "application/epub+zip")
    z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    z.writestr("OEBPS/ch1.xhtml", f'<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Ch 1</title></head><body><p>Crossings fell by 12 percent.<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>Maria Lopez, <i>Border Wait Times</i> (2019), {A}/doc/alive-1.html.</p></aside></body></html>')
    z.writestr("OEBPS/content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>')
    # the chapter by itself, as the docs claim EPUB content documents are read
(here / "epub_chapter.xhtml").write_text(f'<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Ch 1</title></head><body><p>Crossings fell by 12 percent.<a epub:type="noteref" href="#n1">1</a><a id="p14"/> After the anchor.</p><aside epub:type="footnote" id="n1"><p>Maria Lopez, <i>Border Wait Times</i> (2019), {A}/doc/alive-1.html.</p></aside></body></html>')
print("ok")
