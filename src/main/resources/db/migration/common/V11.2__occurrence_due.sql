-- Compliance reports select the occurrences that came due in a period.
CREATE INDEX occurrence_by_due ON occurrence (due_at);
