-- Accounts of the people who work in the system (officers, designers, auditors,
-- administrators), their sessions, and the login attempts that rate limiting counts.
-- Citizens have no accounts: they submit and track dossiers by code.

CREATE TABLE users (
  id text PRIMARY KEY,
  -- Stored lower-case so that uniqueness and look-up ignore case.
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  password_hash text NOT NULL,
  full_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('officer', 'designer', 'auditor', 'admin')),
  -- The agency the person works for; agencies live in the catalogue's migration, which
  -- an installation of the accounts alone may not have, hence no foreign key.
  agency_id text,
  roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['desk', 'specialist', 'leader']::text[]),
  email text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_agency ON users (agency_id);

-- Only a SHA-256 of the session token is stored: a leaked table does not give sessions away.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address text NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX login_attempts_address_at ON login_attempts (address, at);
