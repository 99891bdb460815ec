-- fardplan schema, version 1. Migrations are append-only: never edit a released file, add a new one.

CREATE TABLE questionnaire_snapshots (
    hash         TEXT PRIMARY KEY,          -- sha256 of `source`, hex
    questionnaire_id TEXT NOT NULL,
    version      TEXT NOT NULL,
    title        TEXT NOT NULL,
    source       TEXT NOT NULL,             -- the exact TOML the interview was taken with
    stored_at    TEXT NOT NULL
);

CREATE TABLE interviews (
    id                TEXT PRIMARY KEY,     -- UUID, stable across databases (merge key)
    municipality_code TEXT NOT NULL,
    round             TEXT NOT NULL,
    snapshot_hash     TEXT NOT NULL REFERENCES questionnaire_snapshots(hash),
    interviewer       TEXT NOT NULL DEFAULT '',
    respondents       TEXT NOT NULL DEFAULT '', -- roles, never names
    started_at        TEXT NOT NULL,
    completed_at      TEXT,
    status            TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    demo              INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
);
CREATE INDEX interviews_by_municipality ON interviews (municipality_code, round);

-- The current answer per question. value_kind NULL means a note without an answer yet.
CREATE TABLE answers (
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    question_id  TEXT NOT NULL,
    value_kind   TEXT CHECK (value_kind IN ('choice', 'number', 'text', 'vet-ej', 'ej-tillampligt')),
    value        TEXT,
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    PRIMARY KEY (interview_id, question_id)
) WITHOUT ROWID;

-- Append-only: every change of an answer and every change of an interview's status.
CREATE TABLE history (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id    TEXT NOT NULL UNIQUE,      -- UUID, so histories from several databases can be united
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    event        TEXT NOT NULL CHECK (event IN ('answer', 'complete', 'reopen', 'resolve')),
    question_id  TEXT,
    old_kind     TEXT,
    old_value    TEXT,
    old_note     TEXT,
    new_kind     TEXT,
    new_value    TEXT,
    new_note     TEXT,
    reason       TEXT,
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL
);
CREATE INDEX history_by_interview ON history (interview_id, seq);

CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
