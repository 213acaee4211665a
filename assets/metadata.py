"""Metadata helpers shared by the assets: column schemas and Markdown tables."""


from typing import Any, Sequence

import dagster as dg


def column_schema(con, table: str) -> dg.TableSchema:
    """The table's columns as DuckDB describes them, for `dagster/column_schema`."""
    rows = con.execute(f"DESCRIBE {table}").fetchall()
    return dg.TableSchema(columns=[dg.TableColumn(name=r[0], type=str(r[1])) for r in rows])


def markdown_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], limit: int = 25) -> str:
    """A small Markdown table; cells are shortened so the UI stays readable."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        text = text.replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= 90 else text[:87] + "..."

    if not rows:
        return "_(none)_"
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n_{len(rows) - limit} more rows_")
    return "\n".join(lines)
