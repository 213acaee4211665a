"""JSON articles (one object per .json file) and JSONL feeds (one object per line)."""

from __future__ import annotations

import json

from .draft import Draft, metadata_fields
from .errors import Unreadable


def parse_json(text: str) -> Draft:
    obj = _loads(text, where="")
    return _article(obj, kind="JSON")


def parse_jsonl(text: str) -> list[tuple[int, Draft | Unreadable]]:
    """(line index, Draft or the reason that line was skipped) for every non-blank line."""
    items: list[tuple[int, Draft | Unreadable]] = []
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            items.append((index, _article(_loads(line, where=f"line {index + 1}: "), kind="JSON")))
        except Unreadable as err:
            message = str(err)
            if not message.startswith("line "):
                message = f"line {index + 1}: {message}"
            items.append((index, Unreadable(message)))
    return items


def _loads(text: str, *, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        position = f"column {err.colno}" if where else f"line {err.lineno} column {err.colno}"
        raise Unreadable(f"{where}invalid JSON at {position}: {err.msg}") from None
    except RecursionError:
        raise Unreadable(f"{where}JSON nested too deeply") from None


def _article(obj: object, *, kind: str) -> Draft:
    if not isinstance(obj, dict):
        hint = " (one article per .json file; use .jsonl for many)" if isinstance(obj, list) else ""
        raise Unreadable(f"{kind} is a {_json_type(obj)}, not an article object{hint}")
    fields = metadata_fields(obj, what=kind)
    text = fields.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise Unreadable(f"{kind} article without text (no non-empty 'text', 'body' or 'content' field)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return Draft(text=text, explicit=fields)


def _json_type(obj: object) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(obj), "null" if obj is None else type(obj).__name__
    )
