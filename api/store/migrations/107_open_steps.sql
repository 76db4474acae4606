-- The inbox reads open steps only, by agency and role or by assignee, in due-date
-- order. Partial indexes over the open steps stay small however many finished
-- steps the table keeps, and give each branch of the inbox its rows in order.
CREATE INDEX dossier_tasks_open ON dossier_tasks (agency_id, role, due_at, created_at, task_key) INCLUDE (dossier_id) WHERE state = 'open';
CREATE INDEX dossier_tasks_open_assignee ON dossier_tasks (assignee, due_at, created_at, task_key) INCLUDE (dossier_id) WHERE state = 'open';
