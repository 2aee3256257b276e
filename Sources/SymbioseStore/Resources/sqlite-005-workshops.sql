-- Symbiose store, version 5: workshops, each one `symbiose/workshop@1` document (date, place,
-- tables, participating firms and their seats).
CREATE TABLE workshops (
    id INTEGER PRIMARY KEY,
    territory_id INTEGER NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX workshops_territory ON workshops (territory_id, id);
