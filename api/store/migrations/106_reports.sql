-- What the auditors' reports read (DOMAIN.md §6–7): one narrow row per received
-- dossier and the history of its deadline, both written in the transaction that
-- changes the dossier, so a report never sees a dossier half-changed and needs no
-- refresh job. Local dates (Asia/Ho_Chi_Minh) are stored because periods and the
-- early / on time / late rule are by calendar date.

CREATE TABLE report_dossiers (
  dossier_id text PRIMARY KEY REFERENCES dossiers (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  procedure_code text NOT NULL,
  channel smallint NOT NULL,
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  -- When the dossier left "in progress": result ready, withdrawn or stopped; never before reception.
  finished_at timestamptz,
  finished_on date,
  end_kind text CHECK (end_kind IN ('result', 'ineligible', 'withdrawn', 'stopped')),
  -- The due date in force, and the one before an apology moved it (equal when there was none).
  due_on date,
  original_due_on date,
  -- Working hours from the due date to the finish (negative when early), against each due date.
  late_hours numeric,
  original_late_hours numeric,
  -- Working hours from reception to the finish, for the average resolution time.
  working_hours numeric,
  rating smallint,
  CHECK (finished_on IS NULL OR finished_on >= received_on)
);
-- A report reads the dossiers alive during its period: received by its end, not finished before its start.
CREATE INDEX report_dossiers_period ON report_dossiers (received_on, finished_on);
CREATE INDEX report_dossiers_open ON report_dossiers (agency_id) WHERE finished_on IS NULL;

-- One row each time a received dossier's due date or pause changed; "in progress at
-- date D" reads the row in force at the end of D, so past periods stay exact.
CREATE TABLE report_deadlines (
  dossier_id text NOT NULL REFERENCES dossiers (id),
  since timestamptz NOT NULL,
  seq integer NOT NULL,
  paused boolean NOT NULL,
  due_on date,
  original_due_on date,
  PRIMARY KEY (dossier_id, seq)
);

-- Who made a dossier late: each finished step's working hours past its own due date.
ALTER TABLE dossier_tasks ADD COLUMN late_hours numeric;
CREATE INDEX dossier_tasks_completed ON dossier_tasks (completed_at) WHERE state = 'completed';
