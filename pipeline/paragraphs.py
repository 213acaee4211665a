"""Paragraph breaks, one definition for every part that reads them (tagger, quotations, events)."""

from __future__ import annotations

import re

# a blank line, however many: where a paragraph ends and the next begins
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
