-- Symbiose store, version 1 (SQLite). Times are Unix seconds.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator')),
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE TABLE territories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE TABLE firms (
    territory_id INTEGER NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    company_id TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('invited', 'opened', 'draft', 'submitted', 'returned', 'accepted')),
    comment TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (territory_id, company_id)
);
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    territory_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    FOREIGN KEY (territory_id, company_id) REFERENCES firms (territory_id, company_id) ON DELETE CASCADE
);
CREATE TABLE profile_revisions (
    id INTEGER PRIMARY KEY,
    territory_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    status TEXT NOT NULL,
    author_user INTEGER REFERENCES users (id),
    author_invitation INTEGER REFERENCES invitations (id),
    at INTEGER NOT NULL,
    FOREIGN KEY (territory_id, company_id) REFERENCES firms (territory_id, company_id) ON DELETE CASCADE,
    CHECK ((author_user IS NULL) <> (author_invitation IS NULL))
);
CREATE INDEX profile_revisions_firm ON profile_revisions (territory_id, company_id, id);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    invitation_id INTEGER REFERENCES invitations (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    CHECK ((user_id IS NULL) <> (invitation_id IS NULL))
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    territory_id INTEGER NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    ran_by INTEGER NOT NULL REFERENCES users (id),
    ran_at INTEGER NOT NULL,
    profiles INTEGER NOT NULL,
    recommendations TEXT NOT NULL,
    plan TEXT NOT NULL,
    report TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_territory ON runs (territory_id, id);
