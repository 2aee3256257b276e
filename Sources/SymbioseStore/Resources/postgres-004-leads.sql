-- Symbiose store, version 4: leads, the synergies a facilitator follows. The lead is one
-- `symbiose/lead@1` document holding its whole dated and signed history; `status` and
-- `changes` (the number of changes in that history) are kept beside it to list leads and to
-- refuse a write made from an outdated copy.
CREATE TABLE leads (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    territory_id BIGINT NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    document TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('detected', 'contacted', 'studying', 'negotiating', 'realised', 'abandoned')),
    changes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX leads_territory ON leads (territory_id, id);
