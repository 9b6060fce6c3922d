-- 009: indexes the monthly reports walk (found by scripts/bench at
-- 1,000,000 persons): requests by due date for the overdue figure.
CREATE INDEX inspection_request_due ON inspection_request (due_on);
