-- 018: the lines of Dost Eller's issues and donations carry the date they
-- were written (their issue's or donation's created_at). Retention reads
-- a row without a date column as service now ("errs the safe way"), so
-- with 015's dateless lines everyone ever given clothes was kept for
-- ever; with the date, an issue is service until the retention period
-- after it, as every other unit's rows are.
ALTER TABLE clothing_issue_line ADD COLUMN created_at TEXT;
ALTER TABLE clothing_donation_line ADD COLUMN created_at TEXT;
UPDATE clothing_issue_line
SET created_at = (SELECT created_at FROM clothing_issue WHERE id = issue_id);
UPDATE clothing_donation_line
SET created_at = (SELECT created_at FROM clothing_donation WHERE id = donation_id);
