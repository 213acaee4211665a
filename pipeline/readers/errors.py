"""The one exception the readers raise internally; read_file turns it into a quarantine reason."""


class Unreadable(Exception):
    """The file (or one JSONL line) cannot become an article; the message says why, without the path."""
