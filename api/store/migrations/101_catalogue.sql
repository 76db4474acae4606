-- The catalogue: the agency tree (data, not code: a legacy province → district →
-- commune tree loads as well) and versioned procedures.

CREATE TABLE agencies (
  id text PRIMARY KEY,
  parent_id text REFERENCES agencies (id),
  unit_code text NOT NULL UNIQUE,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  kind text NOT NULL,
  address text,
  email text,
  phone text,
  receives_dossiers boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_parent ON agencies (parent_id);

CREATE TABLE procedures (
  code text PRIMARY KEY,
  latest_version integer NOT NULL,
  active boolean NOT NULL DEFAULT true
);

-- One row per imported version; a dossier keeps the version it was started on.
CREATE TABLE procedure_versions (
  code text NOT NULL REFERENCES procedures (code),
  version integer NOT NULL,
  checksum text NOT NULL,
  metadata jsonb NOT NULL,
  process_id text NOT NULL,
  process_key text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL,
  PRIMARY KEY (code, version)
);
