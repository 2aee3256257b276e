-- Symbiose store, version 3: a run keeps the options it ran with (distance envelope, pooling
-- radius, shortlist sizes, score weights, transport, included pairs, plan objective) as JSON, so
-- that its outputs are rendered again exactly as it ran. Earlier runs used the defaults.
ALTER TABLE runs ADD COLUMN options TEXT NOT NULL DEFAULT '';
