-- Symbiose store, version 2: a run keeps the profiles it matched (symbiose/profiles@1), so that
-- every other format, and each firm's own sheet, is rendered from exactly what was matched.
ALTER TABLE runs ADD COLUMN snapshot TEXT NOT NULL DEFAULT '';
