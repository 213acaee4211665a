"""What a format parser makes of a file before the publication date and ids are settled."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import Unreadable
from .rules import rules


@dataclass(slots=True)
class Draft:
    """One article as a format sees it.

    `explicit` holds what the file states in metadata fields (front matter, JSON keys): the most
    trusted values. The `inferred_*` values come from the content (a .txt headline, HTML meta tags)
    and rank below a sidecar.
    """

    text: str
    explicit: dict[str, object] = field(default_factory=dict)  # title, published, url, source, external_id
    inferred_title: str | None = None
    inferred_url: str | None = None
    inferred_source: str | None = None
    html_date: str | None = None  # what htmldate found in meta tags / JSON-LD, YYYY-MM-DD
    heading_line: str | None = None  # a first line removed from text (the .txt headline), for its date


def metadata_fields(obj: Mapping[str, object], *, what: str) -> dict[str, object]:
    """Map the aliases of a JSON object / front matter / sidecar to our field names.

    Text-like fields must be strings (numbers are accepted and written out); `published` keeps its raw
    value for the date parser. Raises Unreadable for a value that cannot be used.
    """
    found: dict[str, object] = {}
    for name, aliases in rules().keys.items():
        for alias in aliases:
            if alias not in obj or obj[alias] is None:
                continue
            value = obj[alias]
            if name == "published":
                found[name] = value
                break
            if name == "source" and isinstance(value, Mapping):
                value = value.get("name") or value.get("title")
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                if name == "text":
                    raise Unreadable(f"{what} field '{alias}' is not a string")
                continue
            value = str(value)
            if name != "text":
                value = " ".join(value.split())
            if value.strip():
                found[name] = value
                break
    return found
