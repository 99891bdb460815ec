-- fardplan schema, version 2: merging databases from several interviewers (issue 6).
-- Append-only like 001: never edit a released file, add a new one.
--
-- No new history event is needed: a merge copies the other database's history rows as they are
-- (they keep their change_id), and resolving a conflict uses the 'resolve' event 001 reserved.

-- Every merge that changed something: where from, when, by whom, and what it did. A merge that
-- finds nothing to do writes no row, so merging the same file twice leaves the database as it was.
CREATE TABLE merges (
    id               TEXT PRIMARY KEY,      -- UUID
    source           TEXT NOT NULL,         -- the other database's path as given on the command line
    merged_at        TEXT NOT NULL,
    merged_by        TEXT NOT NULL,
    interviews_added INTEGER NOT NULL,
    answers_taken    INTEGER NOT NULL,
    history_added    INTEGER NOT NULL,
    conflicts_found  INTEGER NOT NULL,
    duplicates_found INTEGER NOT NULL
);

-- An answer that two databases changed differently. Both sides are kept here until someone
-- chooses; meanwhile the answers row keeps this database's side. Conflicts travel with later
-- merges (UUID ids), so "ours"/"theirs" are relative to the database that found the conflict.
-- The *_at / *_by columns say who gave that side's answer and when (the answers row's updated_*).
CREATE TABLE conflicts (
    id                 TEXT PRIMARY KEY,    -- UUID
    interview_id       TEXT NOT NULL REFERENCES interviews(id),
    question_id        TEXT NOT NULL,
    reason             TEXT NOT NULL CHECK (reason IN ('both_changed', 'after_completion', 'unexplained')),
    ours_kind          TEXT,
    ours_value         TEXT,
    ours_note          TEXT NOT NULL,
    ours_at            TEXT,
    ours_by            TEXT,
    theirs_kind        TEXT,
    theirs_value       TEXT,
    theirs_note        TEXT NOT NULL,
    theirs_at          TEXT,
    theirs_by          TEXT,
    merge_id           TEXT,                -- merges.id in the database that found it; no foreign key,
                                            -- since that may be another database
    detected_at        TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution         TEXT CHECK (resolution IN ('ours', 'theirs', 'value')),
    resolved_change_id TEXT,                -- the 'resolve' row in history that recorded the choice
    resolved_at        TEXT,
    resolved_by        TEXT,
    CHECK ((status = 'open') = (resolution IS NULL))
);
CREATE INDEX conflicts_by_question ON conflicts (interview_id, question_id, status);

-- A conflict is resolved at most once, and what it recorded never changes: both values stay.
CREATE TRIGGER conflicts_only_resolve_once BEFORE UPDATE ON conflicts
WHEN OLD.status <> 'open' OR NEW.status <> 'resolved'
  OR NEW.id IS NOT OLD.id OR NEW.interview_id IS NOT OLD.interview_id OR NEW.question_id IS NOT OLD.question_id
  OR NEW.ours_kind IS NOT OLD.ours_kind OR NEW.ours_value IS NOT OLD.ours_value OR NEW.ours_note IS NOT OLD.ours_note
  OR NEW.theirs_kind IS NOT OLD.theirs_kind OR NEW.theirs_value IS NOT OLD.theirs_value
  OR NEW.theirs_note IS NOT OLD.theirs_note
BEGIN SELECT RAISE(ABORT, 'a conflict can only be resolved, once'); END;
CREATE TRIGGER conflicts_are_kept BEFORE DELETE ON conflicts
BEGIN SELECT RAISE(ABORT, 'conflicts are kept'); END;
