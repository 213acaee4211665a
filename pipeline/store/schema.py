"""The DuckDB schema as an ordered list of migrations (design §6).

A database records the last migration it has in `schema_version`; `migrate` applies the rest, so an
old database file is upgraded in place and keeps its data. Add a migration; never edit an old one.
Views are recreated on every open, since they hold no data.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the tables of design §6. No primary keys on the big tables: rows are replaced per article in
    # one transaction (delete, then insert through Arrow), and the duplicate-id asset check guards
    # uniqueness without the cost of an ART index on every bulk insert.
    """
    CREATE TABLE article_files (
        path VARCHAR NOT NULL,
        file_hash VARCHAR,
        size_bytes BIGINT,
        mtime TIMESTAMP,
        format VARCHAR,
        status VARCHAR NOT NULL,
        reason VARCHAR,
        n_articles INTEGER,
        days DATE[],
        fingerprint VARCHAR,
        run_id VARCHAR,
        indexed_at TIMESTAMP
    );
    CREATE TABLE articles (
        article_id VARCHAR NOT NULL,
        source_file VARCHAR NOT NULL,
        file_hash VARCHAR,
        item_index INTEGER,
        content_hash VARCHAR,
        title VARCHAR,
        text VARCHAR,
        published DATE,
        pub_date_source VARCHAR,
        pub_date_raw VARCHAR,
        url VARCHAR,
        source VARCHAR,
        place VARCHAR,
        external_id VARCHAR,
        arrived DATE,
        partition_day DATE NOT NULL,
        run_id VARCHAR,
        ingested_at TIMESTAMP
    );
    CREATE TABLE analysis_state (
        article_id VARCHAR NOT NULL,
        partition_day DATE NOT NULL,
        content_hash VARCHAR,
        extractor_version VARCHAR,
        n_timexes INTEGER,
        n_events INTEGER,
        run_id VARCHAR,
        analyzed_at TIMESTAMP
    );
    CREATE TABLE temporal_expressions (
        timex_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        partition_day DATE NOT NULL,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        type VARCHAR,
        value VARCHAR,
        range_start DATE,
        range_end DATE,
        granularity VARCHAR,
        mod VARCHAR,
        rule VARCHAR,
        anchor VARCHAR,
        anchor_kind VARCHAR,
        relative BOOLEAN,
        resolved BOOLEAN,
        source_file VARCHAR,
        file_hash VARCHAR,
        extractor_version VARCHAR,
        run_id VARCHAR
    );
    CREATE TABLE events (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        partition_day DATE NOT NULL,
        start INTEGER,
        "end" INTEGER,
        text VARCHAR,
        lemma VARCHAR,
        pos VARCHAR,
        sentence VARCHAR,
        sent_start INTEGER,
        sent_end INTEGER,
        agent VARCHAR,
        patient VARCHAR,
        place VARCHAR,
        timex_id VARCHAR,
        timex_start INTEGER,
        timex_end INTEGER,
        timex_value VARCHAR,
        date_start DATE,
        date_end DATE,
        date_basis VARCHAR,
        modality VARCHAR,
        quoted BOOLEAN,
        speaker VARCHAR,
        rule VARCHAR,
        source_file VARCHAR,
        file_hash VARCHAR,
        extractor_version VARCHAR,
        run_id VARCHAR
    );
    CREATE TABLE event_participants (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        partition_day DATE NOT NULL,
        text VARCHAR,
        label VARCHAR,
        role VARCHAR
    );
    """,
    # 2: events a reader sees in the headline timeline (pipeline/headline.py); older rows count as headline
    # until their day is re-analysed.
    """
    ALTER TABLE events ADD COLUMN IF NOT EXISTS headline BOOLEAN DEFAULT true;
    """,
    # 3: the two ends of a date range ("May 8-10", "from 2011 to 2017") carry the offsets of the whole
    # range (pipeline/temporal/ranges.py); NULL for every other expression and for older rows.
    """
    ALTER TABLE temporal_expressions ADD COLUMN IF NOT EXISTS interval_start INTEGER;
    ALTER TABLE temporal_expressions ADD COLUMN IF NOT EXISTS interval_end INTEGER;
    """,
]

VIEWS = """
CREATE OR REPLACE VIEW timeline AS
SELECT
    e.date_start, e.date_end, e.date_basis, e.timex_value,
    e.text AS trigger, e.lemma, e.agent, e.patient, e.place, e.modality, e.quoted, e.speaker,
    e.sentence, e.event_id, e.article_id, a.title, a.published, a.pub_date_source,
    a.source_file, a.url, a.source, e.start, e."end", e.run_id, e.headline
FROM events e JOIN articles a USING (article_id);

-- Two events are the same happening when different articles report the same predicate on the same
-- days with at least one participant in common (design §5). One hop of that relation picks the entry.
CREATE OR REPLACE VIEW event_links AS
SELECT DISTINCT e1.event_id, e2.event_id AS other_id
FROM events e1
JOIN events e2
  ON e1.lemma = e2.lemma AND e1.date_start = e2.date_start AND e1.date_end = e2.date_end
 AND e1.article_id <> e2.article_id
JOIN event_participants p1 ON p1.event_id = e1.event_id AND p1.role <> 'place'
JOIN event_participants p2 ON p2.event_id = e2.event_id AND p2.role <> 'place'
 AND lower(p1.text) = lower(p2.text);

CREATE OR REPLACE VIEW timeline_entries_live AS
WITH keyed AS (
    SELECT e.event_id, least(e.event_id, coalesce(min(l.other_id), e.event_id)) AS entry_id
    FROM events e LEFT JOIN event_links l ON l.event_id = e.event_id
    GROUP BY e.event_id
)
SELECT
    k.entry_id,
    min(t.date_start) AS date_start,
    max(t.date_end) AS date_end,
    arg_min(t.date_basis, t.event_id) AS date_basis,
    arg_min(t.trigger, t.event_id) AS trigger,
    arg_min(t.lemma, t.event_id) AS lemma,
    arg_min(t.agent, t.event_id) AS agent,
    arg_min(t.patient, t.event_id) AS patient,
    arg_min(t.place, t.event_id) AS place,
    arg_min(t.modality, t.event_id) AS modality,
    arg_min(t.sentence, t.event_id) AS sentence,
    bool_or(t.headline) AS headline,
    count(DISTINCT t.article_id) AS n_sources,
    list(DISTINCT t.source_file ORDER BY t.source_file) AS sources,
    list(DISTINCT t.article_id ORDER BY t.article_id) AS article_ids,
    list(t.event_id ORDER BY t.event_id) AS event_ids
FROM keyed k JOIN timeline t USING (event_id)
GROUP BY k.entry_id;

CREATE OR REPLACE VIEW daily_counts AS
SELECT date_start AS day, count(*) AS events, count(DISTINCT article_id) AS articles,
       count(*) FILTER (WHERE date_basis = 'explicit') AS explicit_events
FROM events WHERE date_start IS NOT NULL
GROUP BY date_start;
"""

SCHEMA_VERSION = len(MIGRATIONS)

# In a DuckDB file the merged entries are a table, rebuilt in the transaction that writes events, so that
# reading the timeline never pays for the merge's self-join; sorted by date for the zone maps. Under the
# Parquet setting they stay a view over the day files.
ENTRIES_TABLE = """
CREATE OR REPLACE TABLE timeline_entries AS
SELECT * FROM timeline_entries_live ORDER BY date_start NULLS LAST, date_end, entry_id
"""
ENTRIES_VIEW = "CREATE OR REPLACE VIEW timeline_entries AS SELECT * FROM timeline_entries_live"
