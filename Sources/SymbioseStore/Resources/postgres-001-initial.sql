-- Symbiose store, version 1 (PostgreSQL). Times are Unix seconds.
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'facilitator')),
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE login_failures (
    email TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE TABLE territories (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE TABLE firms (
    territory_id BIGINT NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    company_id TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('invited', 'opened', 'draft', 'submitted', 'returned', 'accepted')),
    comment TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (territory_id, company_id)
);
CREATE TABLE invitations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    territory_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    FOREIGN KEY (territory_id, company_id) REFERENCES firms (territory_id, company_id) ON DELETE CASCADE
);
CREATE TABLE profile_revisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    territory_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    status TEXT NOT NULL,
    author_user BIGINT REFERENCES users (id),
    author_invitation BIGINT REFERENCES invitations (id),
    at BIGINT NOT NULL,
    FOREIGN KEY (territory_id, company_id) REFERENCES firms (territory_id, company_id) ON DELETE CASCADE,
    CHECK ((author_user IS NULL) <> (author_invitation IS NULL))
);
CREATE INDEX profile_revisions_firm ON profile_revisions (territory_id, company_id, id);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    invitation_id BIGINT REFERENCES invitations (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (invitation_id IS NULL))
);
CREATE TABLE runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    territory_id BIGINT NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
    ran_by BIGINT NOT NULL REFERENCES users (id),
    ran_at BIGINT NOT NULL,
    profiles BIGINT NOT NULL,
    recommendations TEXT NOT NULL,
    plan TEXT NOT NULL,
    report TEXT NOT NULL,
    published BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX runs_territory ON runs (territory_id, id);
