-- Notifications to citizens and agencies (e-mail, SMS, Zalo). A row is written in the
-- same transaction as the status change it announces, so it exists exactly when that
-- change committed; a drainer sends it afterwards, at least once.

CREATE TABLE notification_outbox (
  id               bigserial PRIMARY KEY,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient        text NOT NULL,
  template         text NOT NULL,
  data             jsonb NOT NULL DEFAULT '{}'::jsonb,
  dossier_code     text,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  -- Counted when a drainer claims the row, so a message that crashes its sender
  -- still runs out of attempts.
  attempts         integer NOT NULL DEFAULT 0,
  -- When a pending row may be claimed: the backoff after a failed attempt, or the end of
  -- the lease of the drainer sending it. NULL for a new row: due at once on whatever clock
  -- the drainer keeps, which need not be the database's (simulations run a virtual clock).
  next_attempt_at  timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);

-- Claiming scans only what is still to be sent, in its order: new rows, then the longest due.
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at NULLS FIRST, id) WHERE status = 'pending';
-- What was sent about a dossier (its history page, support questions).
CREATE INDEX notification_outbox_dossier ON notification_outbox (dossier_code) WHERE dossier_code IS NOT NULL;
