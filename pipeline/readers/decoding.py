"""Bytes to text, strictly: a wrong guess at an encoding would corrupt every offset and hash downstream.

Policy: a byte order mark decides (UTF-8, UTF-16, UTF-32); otherwise the bytes must be valid UTF-8.
No Latin-1 / cp1252 fallback: any byte sequence "decodes" as Latin-1, so a fallback would silently turn
mis-encoded files into wrong text. The one exception is HTML that declares its own charset in a
<meta> tag: that is the author's explicit statement, not a guess.
"""

from __future__ import annotations

import codecs
import re

from .errors import Unreadable
from .rules import rules

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05


def decode_text(data: bytes, *, fmt: str | None = None) -> str:
    """Decode file bytes to text with Unix newlines, or raise Unreadable saying why not."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _decode(data, codec, label)
            break
    else:
        _reject_binary(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            declared = _declared_html_charset(data) if fmt == "html" else None
            if declared is None:
                raise Unreadable(_utf8_problem(err, len(data))) from None
            text = _decode(data, declared, f"{declared} (declared by the HTML)")
    if _CONTROL.search(text):
        share = len(_CONTROL.findall(text)) / max(len(text), 1)
        # A JSONL file is judged line by line: a garbled line must not take its good neighbours with it.
        if "\x00" in text or (share > _MAX_CONTROL_SHARE and fmt != "jsonl"):
            raise Unreadable("binary file, not text (control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise Unreadable(f"not valid {label} at byte {err.start}") from None
    except LookupError:
        raise Unreadable(f"unknown character encoding {label}") from None


def _reject_binary(data: bytes) -> None:
    for magic, name in rules().magic:
        if data.startswith(magic):
            raise Unreadable(f"binary file, not text (looks like {name})")
    if b"\x00" in data:
        raise Unreadable("binary file, not text (contains NUL bytes)")


def _utf8_problem(err: UnicodeDecodeError, size: int) -> str:
    bad = err.object[err.start : err.start + 1].hex().upper()
    if err.reason == "unexpected end of data" and err.end == size:
        return f"truncated UTF-8: the file ends inside a character (byte {err.start})"
    return f"not valid UTF-8 at byte {err.start} (0x{bad}); save the file as UTF-8"


def _declared_html_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec == "utf-8" else name
