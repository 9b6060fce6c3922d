-- 012: who ran hane, and which databases are demos.
--
-- audit.os_user is the operating-system login that ran hane when the row
-- was written. Staff reach hane through their own login (peer login by
-- staff.os_user) or with --user and a password; root may act as any
-- staff member. The row's username says whose authority was used, os_user
-- whose hands: root acting as ayse is username 'ayse', os_user 'root'.
ALTER TABLE audit ADD COLUMN os_user TEXT;

-- Facts about the database itself, one row each. kind = 'demo' marks a
-- database made by `hane init --demo`: only there do `hane demo` and
-- `hane overview demo-year` write generated people and activity.
CREATE TABLE hane_meta (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
