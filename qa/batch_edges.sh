#!/bin/bash
# Batch edge cases, no network needed (--no-links): (a) a folder holding only an .epub;
# (b) a LaTeX book folder: main.tex \input's chapter2.tex, and the batch reads chapter2.tex again.
QA=$(cd "$(dirname "$0")" && pwd)
. /work/venv/bin/activate; export PYTHONPATH=$QA/.. CI=1 XDG_CACHE_HOME=/tmp/qa4_edges_cache
rm -rf /tmp/qa4_edges*; mkdir -p /tmp/qa4_edges/epub /tmp/qa4_edges/book
cp $QA/shapes/book.epub /tmp/qa4_edges/epub/
citecheck batch /tmp/qa4_edges/epub --no-links --no-sources --store sqlite:////tmp/qa4_edges1.sqlite3; echo "(a) rc=$? (a folder with nothing citecheck reads)"
cp $QA/shapes/biblatex.tex $QA/shapes/chapter2.tex $QA/shapes/refs.bib /tmp/qa4_edges/book/
citecheck batch /tmp/qa4_edges/book --no-links --no-sources --store sqlite:////tmp/qa4_edges2.sqlite3 --format csv | cut -d, -f1-6; echo "(b) rc=$?"
