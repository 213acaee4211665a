"""Article readers: inbox files (.txt, .md, .json, .jsonl, .html) to Articles, bad files to quarantine.

- `scan_inbox(inbox)`: every candidate file under inbox (recursive), sorted by inbox-relative path.
  Hidden files and folders and obvious junk (Thumbs.db, editor backups...) are skipped; symlinked
  folders are not followed. Sidecars `X.meta.json` are read with their article `X.<ext>` and not
  listed, except a sidecar without its article, listed so that it is quarantined. Files of other
  formats are listed too, so that they are quarantined as "unsupported format".
- `read_file(path, inbox, max_bytes=..., today=...)`: never raises for bad input; returns a ReadResult
  whose ArticleFile has status ok / partial (JSONL with bad lines) / quarantined and a reason
  "<relpath>: <problem>".
- `read_inbox(inbox, ...)`: read_file over scan_inbox.
- `file_sha256(path)`: sha256 of the file's bytes.

Publication date, in order of trust: explicit metadata (front matter, JSON fields) > sidecar >
HTML meta tags / JSON-LD (htmldate) > dateline or a full date on the first line > date in the URL >
date in the inbox path > none (the article then goes to the partition of the day it arrived).
Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise strict UTF-8 (HTML may declare another
charset in a <meta> tag); no Latin-1 guessing.
"""

from .inbox import scan_inbox, sidecar_for
from .reader import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, file_sha256, read_file, read_inbox

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "file_sha256",
    "read_file",
    "read_inbox",
    "scan_inbox",
    "sidecar_for",
]
