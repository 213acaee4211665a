"""Markdown articles: YAML front matter for metadata, the body turned into plain text.

The cleanup is deliberately light and line-based (markup removed, soft-wrapped lines joined): the
stored text is what every offset points into, so it must read as prose, not reproduce the layout.
"""

from __future__ import annotations

import re
from functools import cache

from .draft import Draft, metadata_fields
from .errors import Unreadable

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),  # backslash escapes
)


def parse_md(text: str) -> Draft:
    meta, body = split_front_matter(text)
    fields = metadata_fields(meta, what="front matter")
    title, body = _leading_h1(body)
    explicit_title = fields.get("title")
    if title and explicit_title and title != explicit_title:
        body = f"{title}\n\n{body}"  # a different H1 is part of the text
        title = None
    return Draft(text=markdown_to_text(body), explicit=fields, inferred_title=title)


def split_front_matter(text: str) -> tuple[dict, str]:
    """({front matter}, body). A file that opens with '---' must close it with '---' or '...'."""
    if not text.startswith("---\n"):
        return {}, text
    lines = text.split("\n")
    for end, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            break
    else:
        raise Unreadable("front matter opened with '---' on line 1 is never closed")
    source = "\n".join(lines[1:end])
    import yaml

    try:
        meta = yaml.load(source, Loader=_loader()) if source.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise Unreadable(f"invalid YAML front matter{where}: {problem}") from None
    except Exception as err:  # PyYAML can fail outside YAMLError on odd input
        raise Unreadable(f"invalid YAML front matter: {err}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise Unreadable(f"front matter is a {type(meta).__name__}, not a mapping of keys to values")
    return {str(k): v for k, v in meta.items()}, "\n".join(lines[end + 1 :])


@cache
def _loader():
    """A safe YAML loader that keeps dates as the strings the author wrote (raw date, no surprises)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class NoDatesLoader(base):  # type: ignore[misc,valid-type]
        pass

    NoDatesLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return NoDatesLoader


def _leading_h1(body: str) -> tuple[str | None, str]:
    lines = body.strip().split("\n")
    match = _HEADING.match(lines[0]) if lines else None
    if match and len(match[1]) == 1:
        return _inline(match[2]).strip() or None, "\n".join(lines[1:])
    return None, body


def markdown_to_text(body: str) -> str:
    """Plain text: one line per paragraph, heading or list item; blank line between paragraphs."""
    blocks: list[list[str]] = [[]]
    in_fence = False

    def new_block() -> None:
        if blocks[-1]:
            blocks.append([])

    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            new_block()
            continue
        if in_fence:
            blocks[-1].append(line.strip())
            continue
        if not line.strip() or _BREAK.match(line) or _REF_DEF.match(line):
            new_block()
            continue
        if _SETEXT.match(line) and blocks[-1]:
            new_block()  # the underline of the heading just read
            continue
        heading = _HEADING.match(line)
        if heading:
            new_block()
            blocks[-1].append(heading[2])
            new_block()
            continue
        line = _QUOTE.sub("", line)
        item = _ITEM.match(line)
        if item:
            new_block()
            line = line[item.end() :]
        blocks[-1].append(line.strip())
    paragraphs = (_inline(" ".join(block)) for block in blocks if block)
    return "\n\n".join(p for p in paragraphs if p.strip()).strip()


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
