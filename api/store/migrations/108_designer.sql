-- The procedure designer: submission forms built in the browser, and a note on
-- each deployed version. A designer form's id is `<code>/submission@<sha8>` (the
-- first 8 hex digits of the SHA-256 of its canonical JSON), so deploying the same
-- form twice stores it once and an identical deploy keeps its version. `json`, not
-- `jsonb`: the schema comes back with its properties in the order they were written.

CREATE TABLE designer_forms (
  id text PRIMARY KEY,
  schema json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);

ALTER TABLE procedure_versions ADD COLUMN note text;
