"""read_file: one inbox file to a ReadResult. It never raises for bad input; it quarantines with a reason.

Cheap by design: one stat, one read, one hash; the heavy libraries (dateparser, trafilatura, htmldate)
load only when a file needs them.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from pipeline.models import Article, ArticleFile, ReadResult

from .assemble import FileContext, build_article
from .decoding import decode_text
from .draft import Draft, metadata_fields
from .errors import Unreadable
from .htmldoc import parse_html
from .inbox import articles_of_sidecar, is_sidecar, scan_inbox, sidecar_for
from .jsondoc import parse_json, parse_jsonl
from .markdown import parse_md
from .plaintext import parse_txt

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
_FORMATS = {".txt": "txt", ".md": "md", ".json": "json", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
_PARSERS = {"txt": parse_txt, "md": parse_md, "json": parse_json, "html": parse_html}
_MAX_LISTED_ERRORS = 5


def file_sha256(path: Path) -> str:
    """sha256 of a file's bytes, read in chunks. Raises OSError for anything but a regular file.

    Opened non-blocking and checked after opening: a FIFO in the inbox would otherwise block the
    whole run in `open` until some other process wrote to it.
    """
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (device, pipe, socket or folder)", str(path))
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_inbox(
    inbox: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, today: dt.date | None = None
) -> Iterator[ReadResult]:
    """read_file for every candidate of scan_inbox, in path order."""
    today = today or dt.date.today()
    for path in scan_inbox(inbox):
        yield read_file(path, inbox, max_bytes=max_bytes, today=today)


def read_file(
    path: Path, inbox: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, today: dt.date | None = None
) -> ReadResult:
    """Read one inbox file. Bad input gives status 'quarantined' and a reason naming file and problem."""
    path, inbox = Path(path), Path(inbox)
    rel = _relative(path, inbox)
    state = _FileState(rel=rel or path.as_posix(), fmt=None if is_sidecar(path) else _FORMATS.get(path.suffix.lower()))
    try:
        if rel is None:
            raise Unreadable(f"not inside the inbox {inbox}")
        return _read(path, inbox, state, max_bytes, today or dt.date.today())
    except Unreadable as err:
        return state.quarantine(str(err))
    except FileNotFoundError:
        return state.quarantine("disappeared while reading")
    except PermissionError:
        return state.quarantine("permission denied: the file cannot be read")
    except IsADirectoryError:
        return state.quarantine("is a directory, not a file")
    except OSError as err:
        return state.quarantine(f"could not be read: {err.strerror or err}")
    except Exception as err:  # a bug or a library failure must not stop the run: quarantine and say so
        return state.quarantine(f"could not be read (internal error {type(err).__name__}: {err})")


class _FileState:
    """What is known about the file so far, so that a quarantine row carries as much as was read."""

    def __init__(self, rel: str, fmt: str | None) -> None:
        self.rel, self.fmt = rel, fmt
        self.file_hash: str | None = None
        self.size: int | None = None
        self.mtime: dt.datetime | None = None

    def row(self, status: str, reason: str | None, n_articles: int = 0) -> ArticleFile:
        return ArticleFile(
            path=self.rel, file_hash=self.file_hash, size_bytes=self.size, mtime=self.mtime,
            format=self.fmt, status=status, reason=reason, n_articles=n_articles,  # type: ignore[arg-type]
        )

    def quarantine(self, problem: str) -> ReadResult:
        return ReadResult(file=self.row("quarantined", f"{self.rel}: {problem}"))


def _read(path: Path, inbox: Path, state: _FileState, max_bytes: int, today: dt.date) -> ReadResult:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        _check_symlink(path, inbox)
        info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("not a regular file (device, pipe or socket)")
    state.size = info.st_size
    state.mtime = dt.datetime.fromtimestamp(info.st_mtime, tz=dt.timezone.utc)
    if is_sidecar(path):
        articles = articles_of_sidecar(path)
        if not articles:
            raise Unreadable("sidecar without its article (no file named "
                             f"'{path.name[: -len('.meta.json')]}.<ext>' beside it)")
        raise Unreadable(f"sidecar of {articles[0].name}: read with its article, not as one")
    if state.fmt is None:
        if info.st_size <= max_bytes:  # hashed all the same, so that a change of the file is noticed
            state.file_hash = hashlib.sha256(_read_bytes(path, max_bytes)).hexdigest()
        raise Unreadable(f"unsupported format '{path.suffix or '(no extension)'}' "
                         f"(readable: {', '.join(ARTICLE_SUFFIXES)})")
    if info.st_size > max_bytes:
        raise Unreadable(f"too large: {info.st_size} bytes (limit {max_bytes})")
    data = _read_bytes(path, max_bytes)
    state.size = len(data)
    state.file_hash = hashlib.sha256(data).hexdigest()
    if not data:
        raise Unreadable("empty file")
    text = decode_text(data, fmt=state.fmt)
    if not text.strip():
        raise Unreadable("empty file (only whitespace)")
    ctx = FileContext(
        rel=state.rel, file_hash=state.file_hash, arrived=state.mtime.date(), today=today,
        sidecar=_read_sidecar(path, max_bytes),
    )
    if state.fmt == "jsonl":
        return _read_jsonl(text, ctx, state)
    draft = _PARSERS[state.fmt](text)
    if not draft.text.strip():
        raise Unreadable("no article text")
    article = build_article(draft, 0, ctx)
    return ReadResult(file=state.row("ok", None, 1), articles=[article])


def _read_jsonl(text: str, ctx: FileContext, state: _FileState) -> ReadResult:
    articles: list[Article] = []
    problems: list[str] = []
    for index, item in parse_jsonl(text):
        if isinstance(item, Draft):
            try:
                articles.append(build_article(item, index, ctx))
                continue
            except Unreadable as err:
                item = Unreadable(f"line {index + 1}: {err}")
        problems.append(str(item))
    if not problems:
        return ReadResult(file=state.row("ok", None, len(articles)), articles=articles)
    listed = "; ".join(problems[:_MAX_LISTED_ERRORS])
    if len(problems) > _MAX_LISTED_ERRORS:
        listed += f"; and {len(problems) - _MAX_LISTED_ERRORS} more"
    total = len(problems) + len(articles)
    if not articles:
        raise Unreadable(f"no readable line ({len(problems)} of {total} lines bad): {listed}")
    reason = f"{state.rel}: {len(problems)} of {total} lines skipped: {listed}"
    return ReadResult(file=state.row("partial", reason, len(articles)), articles=articles)


def _relative(path: Path, inbox: Path) -> str | None:
    """The inbox-relative POSIX path, lexically (a symlink keeps its own name), or None if outside."""
    for candidate, base in ((path, inbox), (path.absolute(), inbox.absolute())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return None


def _check_symlink(path: Path, inbox: Path) -> None:
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise Unreadable(f"broken symlink (target {os.readlink(path)} does not exist)") from None
    except RuntimeError:
        raise Unreadable("symlink loop") from None
    if not target.is_relative_to(inbox.resolve()):
        raise Unreadable(f"symlink pointing outside the inbox (to {target})")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Unreadable(f"too large: more than {max_bytes} bytes (the file grew while being read)")
    return data


def _read_sidecar(article: Path, max_bytes: int) -> dict[str, object]:
    """The sidecar's fields, or {}; a sidecar that exists but is unusable makes the article unreadable."""
    sidecar = sidecar_for(article)
    if sidecar is None:
        return {}
    where = f"sidecar {sidecar.name}"
    try:
        data = _read_bytes(sidecar, max_bytes)
        obj = json.loads(decode_text(data, fmt="json"))
    except Unreadable as err:
        raise Unreadable(f"{where}: {err}") from None
    except json.JSONDecodeError as err:
        raise Unreadable(f"{where}: invalid JSON at line {err.lineno} column {err.colno}: {err.msg}") from None
    except (OSError, RecursionError) as err:
        raise Unreadable(f"{where} could not be read: {err}") from None
    if not isinstance(obj, dict):
        raise Unreadable(f"{where} is not a JSON object")
    fields = metadata_fields(obj, what=where)
    fields.pop("text", None)  # a sidecar describes the article; it does not replace its text
    return fields
