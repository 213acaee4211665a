"""HTML articles: main text and title by trafilatura, publication date by htmldate.

htmldate is called without the page URL so that a date it returns comes from the page itself (meta tags,
JSON-LD, time elements); a date in the URL is ranked separately, lower (source 'url'). `original_date`
asks for the first publication, not the last update. Both libraries are imported on first use.
"""

from __future__ import annotations

from .draft import Draft
from .errors import Unreadable
from .rules import rules

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}


def parse_html(text: str) -> Draft:
    import htmldate
    import trafilatura

    tree = trafilatura.load_html(text)
    if tree is None:
        raise Unreadable("HTML could not be parsed")
    html_date = htmldate.find_date(tree, url="", **_DATE_PARAMS)  # before trafilatura prunes the tree
    _drop_boilerplate(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        favor_recall=True,  # news pages of a few paragraphs are below trafilatura's default minimum
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise Unreadable("no article text found in the HTML")
    title = _clean(getattr(doc, "title", None))
    lines = body.split("\n")
    if title and lines[0].strip() == title and len(lines) > 1:
        body = "\n".join(lines[1:]).strip()  # trafilatura repeats the <h1>
    return Draft(
        text=body,
        inferred_title=title,
        inferred_url=_clean(getattr(doc, "url", None)),
        inferred_source=_clean(getattr(doc, "sitename", None)),
        html_date=html_date,
    )


def _drop_boilerplate(tree) -> None:
    """Remove menus, footers, forms...: a page made only of them has no article text, and must say so."""
    tags = rules().html_boilerplate
    if not tags:
        return
    for element in list(tree.iter(*tags)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tail:  # the text after the element belongs to its parent
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
