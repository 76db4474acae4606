-- Dossiers and the projections the desks work from. Everything filtered or
-- reported on is a real column; the applicant's form data stays JSONB.

-- Sequence of dossier codes per receiving unit and reception day (Circular 01/2018 art. 19).
CREATE TABLE dossier_code_counters (
  unit_code text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (unit_code, day)
);

CREATE TABLE dossiers (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  procedure_code text NOT NULL,
  procedure_version integer NOT NULL,
  receiving_agency_id text NOT NULL REFERENCES agencies (id),
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  applicant_name text NOT NULL,
  applicant_id_number text NOT NULL,
  applicant_phone text,
  applicant_email text,
  applicant_address text,
  form_data jsonb NOT NULL,
  instance_key text UNIQUE,
  submitted_at timestamptz NOT NULL,
  -- When the dossier became complete: submission, or the arrival of a supplement asked at reception.
  complete_at timestamptz NOT NULL,
  -- When the clock started (a complete, valid dossier received), normalised to office hours.
  received_at timestamptz,
  received_by text,
  due_at timestamptz,
  -- The due date before an apology moved it; reports judge lateness against it.
  original_due_at timestamptz,
  apology_at timestamptz,
  apology_reason text,
  paused_at timestamptz,
  supplement_reason text,
  supplement_components jsonb,
  refusal_reason text,
  result text CHECK (result IN ('approved', 'refused')),
  result_ready_at timestamptz,
  returned_at timestamptz,
  -- Withdrawn (7), stopped (8), refused at reception (3) or returned (10).
  ended_at timestamptz,
  end_reason text,
  fee_amount bigint,
  paid_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz,
  due_reminded_at timestamptz,
  apology_due boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dossiers_agency_status ON dossiers (receiving_agency_id, status);
CREATE INDEX dossiers_open_due ON dossiers (due_at) WHERE ended_at IS NULL;
CREATE INDEX dossiers_submitted ON dossiers (submitted_at);
CREATE INDEX dossiers_applicant ON dossiers (applicant_id_number);

-- The inbox: one row per step, written from the engine's task events in the same transaction.
CREATE TABLE dossier_tasks (
  task_key text PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  element_id text NOT NULL,
  name text NOT NULL,
  step_kind text NOT NULL,
  role text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  form text,
  outcomes jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'completed', 'canceled')),
  assignee text,
  created_at timestamptz NOT NULL,
  due_at timestamptz,
  claimed_at timestamptz,
  completed_at timestamptz,
  completed_by text,
  outcome text,
  form_data jsonb,
  timing text CHECK (timing IN ('early', 'onTime', 'late'))
);
CREATE INDEX dossier_tasks_inbox ON dossier_tasks (agency_id, state, due_at);
CREATE INDEX dossier_tasks_assignee ON dossier_tasks (assignee, state);
CREATE INDEX dossier_tasks_dossier ON dossier_tasks (dossier_id);

-- Form 06: one row per hand-over between steps, with the finished step's own result.
CREATE TABLE dossier_handovers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  from_task_key text,
  step_name text NOT NULL,
  from_agency_id text REFERENCES agencies (id),
  to_agency_id text REFERENCES agencies (id),
  to_task_key text,
  to_step_name text,
  at timestamptz NOT NULL,
  giver text,
  receiver text,
  step_due_at timestamptz,
  timing text CHECK (timing IN ('early', 'onTime', 'late'))
);
CREATE INDEX dossier_handovers_dossier ON dossier_handovers (dossier_id, id);
CREATE INDEX dossier_handovers_to_task ON dossier_handovers (to_task_key);

-- What the applicant sees: status changes and notes in order.
CREATE TABLE dossier_timeline (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  at timestamptz NOT NULL,
  status smallint NOT NULL,
  action text NOT NULL,
  note text
);
CREATE INDEX dossier_timeline_dossier ON dossier_timeline (dossier_id, id);

CREATE TABLE dossier_attachments (
  id text PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  component_code text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id);
