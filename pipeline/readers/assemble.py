"""A Draft plus its file's context becomes an Article: publication date by order of trust, ids, hashes.

Precedence, field by field: what the file states explicitly (front matter, JSON keys) > the sidecar
X.meta.json > what is inferred from the content (HTML meta tags via htmldate, a .txt headline) > the
text's dateline / first line > a date in the URL > a date in the inbox path. A sidecar therefore fills
in what the file lacks and overrides only guesses, never the file's own metadata.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

from pipeline.models import Article

from .dateline import find_dateline, first_line_date
from .dates import check_not_future, date_in_path, parse_date_string, parse_date_value, parse_partial_date
from .draft import Draft
from .errors import Unreadable

_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class FileContext:
    rel: str  # inbox-relative POSIX path
    file_hash: str
    arrived: dt.date
    today: dt.date
    sidecar: dict[str, object]  # the sidecar's fields (metadata_fields), empty without one


def build_article(draft: Draft, index: int, ctx: FileContext) -> Article:
    """Raise Unreadable when the article's metadata is unusable (impossible or future date)."""
    side = ctx.sidecar
    title = _first(draft.explicit.get("title"), side.get("title"), draft.inferred_title)
    url = _first(draft.explicit.get("url"), side.get("url"), draft.inferred_url)
    source = _first(draft.explicit.get("source"), side.get("source"), draft.inferred_source)
    external_id = _first(draft.explicit.get("external_id"), side.get("external_id"))
    dateline = find_dateline(draft.text)
    published, origin, raw = _publication_date(draft, ctx, url, dateline.date_raw if dateline else None)
    if published is not None:
        check_not_future(published, raw, ctx.today)
    place = dateline.place if dateline else None
    return Article(
        article_id=article_id(ctx.rel, index),
        source_file=ctx.rel,
        file_hash=ctx.file_hash,
        item_index=index,
        content_hash=content_hash(title, draft.text, published, origin, url, source, place),
        title=title,
        text=draft.text,
        published=published,
        pub_date_source=origin,
        pub_date_raw=raw,
        url=url,
        source=source,
        place=place,
        external_id=external_id,
        arrived=ctx.arrived,
    )


def _publication_date(
    draft: Draft, ctx: FileContext, url: str | None, dateline_raw: str | None
) -> tuple[dt.date | None, str, str | None]:
    for value, origin in ((draft.explicit.get("published"), "metadata"), (ctx.sidecar.get("published"), "sidecar")):
        try:
            parsed = parse_date_value(value)
        except Unreadable as err:
            raise Unreadable(f"{err} in its sidecar" if origin == "sidecar" else str(err)) from None
        if parsed is not None:
            return parsed[0], origin, parsed[1]
    if draft.html_date:
        try:
            return dt.date.fromisoformat(draft.html_date), "html", draft.html_date
        except ValueError:
            pass
    from_url = date_in_path(url) if url else None
    from_path = date_in_path(ctx.rel)
    anchor = (from_url or from_path or (min(ctx.arrived, ctx.today), ""))[0]
    for raw in (dateline_raw, _opening_date(draft)):
        published = _heuristic_date(raw, anchor) if raw else None
        if published is not None:
            return published, "dateline", raw
    if from_url:
        return from_url[0], "url", from_url[1]
    if from_path:
        return from_path[0], "filename", from_path[1]
    return None, "none", None


def _opening_date(draft: Draft) -> str | None:
    """A full date on the story's first line: the removed headline line, else the text's first line."""
    lines = [draft.heading_line] if draft.heading_line else []
    lines.append(draft.text.split("\n", 1)[0])
    for line in lines:
        raw = first_line_date(line)
        if raw:
            return raw
    return None


def _heuristic_date(raw: str, anchor: dt.date) -> dt.date | None:
    """A date read from the text itself; an unreadable one is ignored, not fatal (it is a guess)."""
    try:
        if _YEAR.search(raw):
            return parse_date_string(raw)
        return parse_partial_date(raw, anchor)
    except Unreadable:
        return None


def article_id(rel: str, index: int) -> str:
    """Stable id: the same file at the same place in the inbox keeps its ids."""
    return hashlib.sha256(f"{rel}#{index}".encode()).hexdigest()[:16]


def content_hash(
    title: str | None, text: str, published: dt.date | None, origin: str, url: str | None,
    source: str | None, place: str | None,
) -> str:
    """What the article is made of; unchanged when only another JSONL line or the file's mtime changes."""
    parts = [title, text, published.isoformat() if published else None, origin, url, source, place]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _first(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value
    return None
