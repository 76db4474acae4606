-- The embedded engine's tables. The instance tree document is the state;
-- every other table is a projection written in the same transaction, for
-- claiming (timers, jobs), correlating (subscriptions) and querying (tasks, incidents, history).

CREATE TABLE engine_processes (
  key            text PRIMARY KEY,
  process_id     text NOT NULL,
  version        integer NOT NULL,
  name           text,
  version_tag    text,
  checksum       text NOT NULL,
  resource_name  text NOT NULL,
  xml            text NOT NULL,
  model          jsonb NOT NULL,
  deployed_at    timestamptz NOT NULL,
  UNIQUE (process_id, version)
);

CREATE TABLE engine_instances (
  key                  text PRIMARY KEY,
  root_key             text NOT NULL,
  parent_key           text,
  process_key          text NOT NULL REFERENCES engine_processes (key),
  process_id           text NOT NULL,
  version              integer NOT NULL,
  state                text NOT NULL,
  business_key         text,
  start_correlation_key text,
  created_at           timestamptz NOT NULL,
  ended_at             timestamptz,
  -- Only the root row carries the document of its whole tree, and its revision:
  -- a write succeeds only on the revision it read (optimistic concurrency).
  doc                  jsonb,
  rev                  integer NOT NULL DEFAULT 0
);
CREATE INDEX engine_instances_root ON engine_instances (root_key);
CREATE INDEX engine_instances_process ON engine_instances (process_id, state);
CREATE INDEX engine_instances_start_key ON engine_instances (process_id, start_correlation_key) WHERE start_correlation_key IS NOT NULL AND state = 'active';

CREATE TABLE engine_jobs (
  key                  text PRIMARY KEY,
  root_key             text NOT NULL,
  instance_key         text NOT NULL,
  element_instance_key text NOT NULL,
  element_id           text NOT NULL,
  process_id           text NOT NULL,
  type                 text NOT NULL,
  retries              integer NOT NULL,
  state                text NOT NULL,
  worker               text,
  deadline             timestamptz,
  retry_at             timestamptz,
  custom_headers       jsonb NOT NULL,
  error_message        text,
  created_at           timestamptz NOT NULL
);
CREATE INDEX engine_jobs_claim ON engine_jobs (type, state, retry_at);
CREATE INDEX engine_jobs_deadline ON engine_jobs (deadline) WHERE state = 'activated';
CREATE INDEX engine_jobs_root ON engine_jobs (root_key);

CREATE TABLE engine_user_tasks (
  key                  text PRIMARY KEY,
  root_key             text NOT NULL,
  instance_key         text NOT NULL,
  element_instance_key text NOT NULL,
  element_id           text NOT NULL,
  process_id           text NOT NULL,
  name                 text,
  state                text NOT NULL,
  assignee             text,
  candidate_groups     text[] NOT NULL,
  candidate_users      text[] NOT NULL,
  due_date             timestamptz,
  follow_up_date       timestamptz,
  priority             integer NOT NULL,
  form_key             text,
  headers              jsonb NOT NULL,
  job_key              text,
  created_at           timestamptz NOT NULL,
  ended_at             timestamptz
);
CREATE INDEX engine_user_tasks_open ON engine_user_tasks (state, due_date);
CREATE INDEX engine_user_tasks_root ON engine_user_tasks (root_key);
CREATE INDEX engine_user_tasks_groups ON engine_user_tasks USING gin (candidate_groups);

CREATE TABLE engine_timers (
  key                  text PRIMARY KEY,
  -- NULL for timer start events, which belong to a deployed process, not to an instance.
  root_key             text,
  instance_key         text,
  element_instance_key text,
  element_id           text NOT NULL,
  process_key          text NOT NULL,
  target               text NOT NULL,
  due_at               timestamptz NOT NULL,
  repetitions          integer NOT NULL,
  interval             text
);
CREATE INDEX engine_timers_due ON engine_timers (due_at);
CREATE INDEX engine_timers_root ON engine_timers (root_key);

CREATE TABLE engine_message_subscriptions (
  key                  text PRIMARY KEY,
  root_key             text NOT NULL,
  instance_key         text NOT NULL,
  element_instance_key text NOT NULL,
  element_id           text NOT NULL,
  process_id           text NOT NULL,
  message_name         text NOT NULL,
  correlation_key      text NOT NULL,
  interrupting         boolean NOT NULL,
  seq                  bigserial
);
CREATE INDEX engine_message_subscriptions_match ON engine_message_subscriptions (message_name, correlation_key);
CREATE INDEX engine_message_subscriptions_root ON engine_message_subscriptions (root_key);

-- Message start events of the latest version of each process.
CREATE TABLE engine_message_start_subscriptions (
  process_key   text NOT NULL REFERENCES engine_processes (key),
  process_id    text NOT NULL,
  element_id    text NOT NULL,
  message_name  text NOT NULL,
  PRIMARY KEY (process_key, element_id)
);
CREATE INDEX engine_message_start_subscriptions_name ON engine_message_start_subscriptions (message_name);

-- Published messages kept for their time to live, for subscriptions opened later and for de-duplication.
CREATE TABLE engine_messages (
  key              text PRIMARY KEY,
  name             text NOT NULL,
  correlation_key  text NOT NULL,
  message_id       text,
  variables        jsonb NOT NULL,
  published_at     timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  correlated_processes text[] NOT NULL DEFAULT '{}',
  seq              bigserial
);
CREATE INDEX engine_messages_match ON engine_messages (name, correlation_key, expires_at);
CREATE INDEX engine_messages_id ON engine_messages (name, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX engine_messages_expiry ON engine_messages (expires_at);

CREATE TABLE engine_incidents (
  key                  text PRIMARY KEY,
  root_key             text NOT NULL,
  instance_key         text NOT NULL,
  element_instance_key text NOT NULL,
  element_id           text NOT NULL,
  process_id           text NOT NULL,
  type                 text NOT NULL,
  message              text NOT NULL,
  job_key              text,
  state                text NOT NULL,
  created_at           timestamptz NOT NULL,
  resolved_at          timestamptz
);
CREATE INDEX engine_incidents_open ON engine_incidents (state, created_at);
CREATE INDEX engine_incidents_root ON engine_incidents (root_key);

-- The history: one row per command on a tree, holding that command's events in order.
-- A row per command rather than per event keeps a command's write to one small insert.
CREATE TABLE engine_events (
  position      bigserial PRIMARY KEY,
  root_key      text,
  at            timestamptz NOT NULL,
  events        jsonb NOT NULL
);
CREATE INDEX engine_events_root ON engine_events (root_key, position);
