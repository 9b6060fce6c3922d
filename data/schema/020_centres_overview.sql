-- 020: the centres' year (#19) — running totals (ov_tally, ov_served of
-- migration 011) kept by triggers on the rows of 019, so the annual
-- report reads them and `hane annual --verify` counts the same from the
-- rows.
--
-- Measures (p: a programme's code, s: a site's code):
--   ov_tally, per month
--     centres.p.new, centres.site.s.new   memberships started (start)
--     centres.p.visits, centres.site.s.visits   check-ins (the visit's
--                                         site and its programme)
--     centres.visits                      every check-in (the dashboard)
--     centres.p.app.STATUS                applications decided (decided_on;
--                                         every status but pending)
--     centres.p.sessions                  sessions held (not cancelled)
--     centres.p.attended, centres.p.no_shows   bookings (the session's day)
--   ov_served, per year
--     centres.p.members, centres.site.s.members   persons with a
--                                         membership active in the year
--     centres.p.employed, centres.site.s.employed   persons with a
--                                         placement active in the year
--     centres.persons                     persons with either
--     centres.households, all.households  their households (the
--                                         directorate's unduplicated
--                                         households and their persons)
--
-- A membership or placement is active in every year from its start to its
-- end; one with no end is running, and counts in every year from its start
-- on (to 2099, the last year of kitchen_year, migration 014: triggers
-- cannot count years without a table of them) — as the kitchen's
-- home-meal roster does. So the report of a year not yet over counts the
-- members running now, and that of a year to come counts those who have
-- not left; the --verify queries count the same way ("start <= the year's
-- last day and no end or an end on or after its first").
--
-- Codes name the measures, so a programme's or site's code never changes
-- once made, nor the programme a site belongs to (triggers refuse it): a
-- new code is a new programme or site.
--
-- The household of a membership or placement is the person's household
-- when it is recorded (or its dates change), as for a care visit.

CREATE TRIGGER centre_programme_code BEFORE UPDATE OF code ON centre_programme
WHEN NEW.code IS NOT OLD.code
BEGIN
	SELECT RAISE(ABORT, 'centre_programme.code is fixed');
END;
CREATE TRIGGER centre_site_code BEFORE UPDATE OF code, programme_id
ON centre_site
WHEN NEW.code IS NOT OLD.code OR NEW.programme_id IS NOT OLD.programme_id
BEGIN
	SELECT RAISE(ABORT, 'centre_site.code and programme_id are fixed');
END;

-- ---- What is already recorded ----------------------------------------------
-- (hane_overview_rebuild runs this part of every migration that has one,
-- after 011's, into the emptied totals.)
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.' || p.code || '.new', substr(m.start, 1, 7), count(*)
FROM centre_member m JOIN centre_programme p ON p.id = m.programme_id
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.site.' || s.code || '.new', substr(m.start, 1, 7), count(*)
FROM centre_member m JOIN centre_site s ON s.id = m.site_id
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.' || p.code || '.visits', substr(v.date, 1, 7), count(*)
FROM centre_visit v JOIN centre_site s ON s.id = v.site_id
JOIN centre_programme p ON p.id = s.programme_id
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.site.' || s.code || '.visits', substr(v.date, 1, 7), count(*)
FROM centre_visit v JOIN centre_site s ON s.id = v.site_id
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.visits', substr(date, 1, 7), count(*) FROM centre_visit
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.' || p.code || '.app.' || a.status, substr(a.decided_on, 1, 7),
       count(*)
FROM centre_application a JOIN centre_programme p ON p.id = a.programme_id
WHERE a.status <> 'pending' AND a.decided_on IS NOT NULL
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.' || p.code || '.sessions', substr(x.date, 1, 7), count(*)
FROM centre_session x JOIN centre_site s ON s.id = x.site_id
JOIN centre_programme p ON p.id = s.programme_id
WHERE x.status = 'open'
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_tally (measure, month, n)
SELECT 'centres.' || p.code || CASE b.status WHEN 'attended' THEN '.attended'
				  ELSE '.no_shows' END,
       substr(b.date, 1, 7), count(*)
FROM centre_booking b JOIN centre_session x ON x.id = b.session_id
JOIN centre_site s ON s.id = x.site_id
JOIN centre_programme p ON p.id = s.programme_id
WHERE b.status IN ('attended', 'no_show')
GROUP BY 1, 2
ON CONFLICT DO UPDATE SET n = n + excluded.n;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT r.measure, y.year, r.key, count(*), r.persons
FROM (SELECT 'centres.' || p.code || '.members' AS measure,
	     m.person_id AS key, 1 AS persons, m.start AS start,
	     m.end_date AS end_date
      FROM centre_member m JOIN centre_programme p ON p.id = m.programme_id
      UNION ALL
      SELECT 'centres.site.' || s.code || '.members', m.person_id, 1,
	     m.start, m.end_date
      FROM centre_member m JOIN centre_site s ON s.id = m.site_id
      UNION ALL
      SELECT 'centres.' || p.code || '.employed', c.person_id, 1, c.start,
	     c.end_date
      FROM centre_placement c JOIN centre_site s ON s.id = c.site_id
      JOIN centre_programme p ON p.id = s.programme_id
      UNION ALL
      SELECT 'centres.site.' || s.code || '.employed', c.person_id, 1,
	     c.start, c.end_date
      FROM centre_placement c JOIN centre_site s ON s.id = c.site_id
      UNION ALL
      SELECT 'centres.persons', person_id, 1, start, end_date
      FROM centre_member
      UNION ALL
      SELECT 'centres.persons', person_id, 1, start, end_date
      FROM centre_placement
      UNION ALL
      SELECT h.measure, e.household_id,
	     (SELECT count(*) FROM person q
	      WHERE q.household_id = e.household_id), e.start, e.end_date
      FROM (SELECT pe.household_id, m.start, m.end_date
	    FROM centre_member m JOIN person pe ON pe.id = m.person_id
	    UNION ALL
	    SELECT pe.household_id, c.start, c.end_date
	    FROM centre_placement c JOIN person pe ON pe.id = c.person_id) e,
	   (SELECT 'centres.households' AS measure
	    UNION ALL SELECT 'all.households') h) r
JOIN kitchen_year y
  ON y.year BETWEEN CAST(substr(r.start, 1, 4) AS INTEGER)
		AND coalesce(CAST(substr(r.end_date, 1, 4) AS INTEGER), 2099)
GROUP BY 1, 2, 3
ON CONFLICT DO UPDATE SET n = n + excluded.n;

-- ---- Kept right by triggers -------------------------------------------------
-- Memberships: started (ov_tally), and the persons and households active
-- each year (ov_served).
CREATE TRIGGER ov_centre_member_insert AFTER INSERT ON centre_member
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.new', substr(NEW.start, 1, 7), 1
	FROM centre_programme p WHERE p.id = NEW.programme_id
	UNION ALL
	SELECT 'centres.site.' || s.code || '.new', substr(NEW.start, 1, 7), 1
	FROM centre_site s WHERE s.id = NEW.site_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT r.measure, y.year, r.key, 1, r.persons
	FROM kitchen_year y,
	     (SELECT 'centres.' || p.code || '.members' AS measure,
		     NEW.person_id AS key, 1 AS persons
	      FROM centre_programme p WHERE p.id = NEW.programme_id
	      UNION ALL
	      SELECT 'centres.site.' || s.code || '.members', NEW.person_id, 1
	      FROM centre_site s WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.persons', NEW.person_id, 1
	      UNION ALL
	      SELECT h.measure, pe.household_id,
		     (SELECT count(*) FROM person q
		      WHERE q.household_id = pe.household_id)
	      FROM person pe,
		   (SELECT 'centres.households' AS measure
		    UNION ALL SELECT 'all.households') h
	      WHERE pe.id = NEW.person_id) r
	WHERE y.year BETWEEN CAST(substr(NEW.start, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_centre_member_delete AFTER DELETE ON centre_member
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.start, 1, 7)
	  AND measure IN (
		(SELECT 'centres.' || code || '.new' FROM centre_programme
		 WHERE id = OLD.programme_id),
		(SELECT 'centres.site.' || code || '.new' FROM centre_site
		 WHERE id = OLD.site_id));
	UPDATE ov_served SET n = n - 1
	WHERE key = OLD.person_id
	  AND measure IN (
		(SELECT 'centres.' || code || '.members' FROM centre_programme
		 WHERE id = OLD.programme_id),
		(SELECT 'centres.site.' || code || '.members' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.persons')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	UPDATE ov_served SET n = n - 1
	WHERE key = (SELECT household_id FROM person WHERE id = OLD.person_id)
	  AND measure IN ('centres.households', 'all.households')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
END;
CREATE TRIGGER ov_centre_member_update
AFTER UPDATE OF programme_id, site_id, person_id, start, end_date
ON centre_member
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.start, 1, 7)
	  AND measure IN (
		(SELECT 'centres.' || code || '.new' FROM centre_programme
		 WHERE id = OLD.programme_id),
		(SELECT 'centres.site.' || code || '.new' FROM centre_site
		 WHERE id = OLD.site_id));
	UPDATE ov_served SET n = n - 1
	WHERE key = OLD.person_id
	  AND measure IN (
		(SELECT 'centres.' || code || '.members' FROM centre_programme
		 WHERE id = OLD.programme_id),
		(SELECT 'centres.site.' || code || '.members' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.persons')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	UPDATE ov_served SET n = n - 1
	WHERE key = (SELECT household_id FROM person WHERE id = OLD.person_id)
	  AND measure IN ('centres.households', 'all.households')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.new', substr(NEW.start, 1, 7), 1
	FROM centre_programme p WHERE p.id = NEW.programme_id
	UNION ALL
	SELECT 'centres.site.' || s.code || '.new', substr(NEW.start, 1, 7), 1
	FROM centre_site s WHERE s.id = NEW.site_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT r.measure, y.year, r.key, 1, r.persons
	FROM kitchen_year y,
	     (SELECT 'centres.' || p.code || '.members' AS measure,
		     NEW.person_id AS key, 1 AS persons
	      FROM centre_programme p WHERE p.id = NEW.programme_id
	      UNION ALL
	      SELECT 'centres.site.' || s.code || '.members', NEW.person_id, 1
	      FROM centre_site s WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.persons', NEW.person_id, 1
	      UNION ALL
	      SELECT h.measure, pe.household_id,
		     (SELECT count(*) FROM person q
		      WHERE q.household_id = pe.household_id)
	      FROM person pe,
		   (SELECT 'centres.households' AS measure
		    UNION ALL SELECT 'all.households') h
	      WHERE pe.id = NEW.person_id) r
	WHERE y.year BETWEEN CAST(substr(NEW.start, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Placements: the persons employed each year (and, as centres' persons,
-- their households).
CREATE TRIGGER ov_centre_placement_insert AFTER INSERT ON centre_placement
BEGIN
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT r.measure, y.year, r.key, 1, r.persons
	FROM kitchen_year y,
	     (SELECT 'centres.' || p.code || '.employed' AS measure,
		     NEW.person_id AS key, 1 AS persons
	      FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	      WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.site.' || s.code || '.employed', NEW.person_id, 1
	      FROM centre_site s WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.persons', NEW.person_id, 1
	      UNION ALL
	      SELECT h.measure, pe.household_id,
		     (SELECT count(*) FROM person q
		      WHERE q.household_id = pe.household_id)
	      FROM person pe,
		   (SELECT 'centres.households' AS measure
		    UNION ALL SELECT 'all.households') h
	      WHERE pe.id = NEW.person_id) r
	WHERE y.year BETWEEN CAST(substr(NEW.start, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_centre_placement_delete AFTER DELETE ON centre_placement
BEGIN
	UPDATE ov_served SET n = n - 1
	WHERE key = OLD.person_id
	  AND measure IN (
		(SELECT 'centres.' || p.code || '.employed'
		 FROM centre_site s JOIN centre_programme p
		   ON p.id = s.programme_id WHERE s.id = OLD.site_id),
		(SELECT 'centres.site.' || code || '.employed' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.persons')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	UPDATE ov_served SET n = n - 1
	WHERE key = (SELECT household_id FROM person WHERE id = OLD.person_id)
	  AND measure IN ('centres.households', 'all.households')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
END;
CREATE TRIGGER ov_centre_placement_update
AFTER UPDATE OF site_id, person_id, start, end_date ON centre_placement
BEGIN
	UPDATE ov_served SET n = n - 1
	WHERE key = OLD.person_id
	  AND measure IN (
		(SELECT 'centres.' || p.code || '.employed'
		 FROM centre_site s JOIN centre_programme p
		   ON p.id = s.programme_id WHERE s.id = OLD.site_id),
		(SELECT 'centres.site.' || code || '.employed' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.persons')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	UPDATE ov_served SET n = n - 1
	WHERE key = (SELECT household_id FROM person WHERE id = OLD.person_id)
	  AND measure IN ('centres.households', 'all.households')
	  AND year BETWEEN CAST(substr(OLD.start, 1, 4) AS INTEGER)
		       AND coalesce(CAST(substr(OLD.end_date, 1, 4) AS INTEGER),
				    2099);
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT r.measure, y.year, r.key, 1, r.persons
	FROM kitchen_year y,
	     (SELECT 'centres.' || p.code || '.employed' AS measure,
		     NEW.person_id AS key, 1 AS persons
	      FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	      WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.site.' || s.code || '.employed', NEW.person_id, 1
	      FROM centre_site s WHERE s.id = NEW.site_id
	      UNION ALL
	      SELECT 'centres.persons', NEW.person_id, 1
	      UNION ALL
	      SELECT h.measure, pe.household_id,
		     (SELECT count(*) FROM person q
		      WHERE q.household_id = pe.household_id)
	      FROM person pe,
		   (SELECT 'centres.households' AS measure
		    UNION ALL SELECT 'all.households') h
	      WHERE pe.id = NEW.person_id) r
	WHERE y.year BETWEEN CAST(substr(NEW.start, 1, 4) AS INTEGER)
			 AND coalesce(CAST(substr(NEW.end_date, 1, 4) AS INTEGER),
				      2099)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Check-ins, per site and programme (the site's).
CREATE TRIGGER ov_centre_visit_insert AFTER INSERT ON centre_visit
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.visits', substr(NEW.date, 1, 7), 1
	FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	WHERE s.id = NEW.site_id
	UNION ALL
	SELECT 'centres.site.' || s.code || '.visits', substr(NEW.date, 1, 7), 1
	FROM centre_site s WHERE s.id = NEW.site_id
	UNION ALL
	SELECT 'centres.visits', substr(NEW.date, 1, 7), 1
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_centre_visit_delete AFTER DELETE ON centre_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure IN (
		(SELECT 'centres.' || p.code || '.visits'
		 FROM centre_site s JOIN centre_programme p
		   ON p.id = s.programme_id WHERE s.id = OLD.site_id),
		(SELECT 'centres.site.' || code || '.visits' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.visits');
END;
CREATE TRIGGER ov_centre_visit_update AFTER UPDATE OF site_id, date
ON centre_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure IN (
		(SELECT 'centres.' || p.code || '.visits'
		 FROM centre_site s JOIN centre_programme p
		   ON p.id = s.programme_id WHERE s.id = OLD.site_id),
		(SELECT 'centres.site.' || code || '.visits' FROM centre_site
		 WHERE id = OLD.site_id),
		'centres.visits');
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.visits', substr(NEW.date, 1, 7), 1
	FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	WHERE s.id = NEW.site_id
	UNION ALL
	SELECT 'centres.site.' || s.code || '.visits', substr(NEW.date, 1, 7), 1
	FROM centre_site s WHERE s.id = NEW.site_id
	UNION ALL
	SELECT 'centres.visits', substr(NEW.date, 1, 7), 1
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Applications, by the month decided and the decision.
CREATE TRIGGER ov_centre_application_insert AFTER INSERT ON centre_application
WHEN NEW.status <> 'pending' AND NEW.decided_on IS NOT NULL
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.app.' || NEW.status,
	       substr(NEW.decided_on, 1, 7), 1
	FROM centre_programme p WHERE p.id = NEW.programme_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_centre_application_delete AFTER DELETE ON centre_application
WHEN OLD.status <> 'pending' AND OLD.decided_on IS NOT NULL
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.decided_on, 1, 7)
	  AND measure = (SELECT 'centres.' || code || '.app.' || OLD.status
			 FROM centre_programme WHERE id = OLD.programme_id);
END;
CREATE TRIGGER ov_centre_application_update
AFTER UPDATE OF programme_id, status, decided_on ON centre_application
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE OLD.status <> 'pending' AND OLD.decided_on IS NOT NULL
	  AND month = substr(OLD.decided_on, 1, 7)
	  AND measure = (SELECT 'centres.' || code || '.app.' || OLD.status
			 FROM centre_programme WHERE id = OLD.programme_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.app.' || NEW.status,
	       substr(NEW.decided_on, 1, 7), 1
	FROM centre_programme p
	WHERE p.id = NEW.programme_id
	  AND NEW.status <> 'pending' AND NEW.decided_on IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Sessions held (not cancelled), by the site's programme.
CREATE TRIGGER ov_centre_session_insert AFTER INSERT ON centre_session
WHEN NEW.status = 'open'
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.sessions', substr(NEW.date, 1, 7), 1
	FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	WHERE s.id = NEW.site_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_centre_session_delete AFTER DELETE ON centre_session
WHEN OLD.status = 'open'
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'centres.' || p.code || '.sessions'
			 FROM centre_site s JOIN centre_programme p
			   ON p.id = s.programme_id WHERE s.id = OLD.site_id);
END;
CREATE TRIGGER ov_centre_session_update
AFTER UPDATE OF site_id, date, status ON centre_session
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE OLD.status = 'open' AND month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'centres.' || p.code || '.sessions'
			 FROM centre_site s JOIN centre_programme p
			   ON p.id = s.programme_id WHERE s.id = OLD.site_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || '.sessions', substr(NEW.date, 1, 7), 1
	FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id
	WHERE s.id = NEW.site_id AND NEW.status = 'open'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Bookings attended and no-shows, by the session's programme: a session
-- stays in its programme (it may move to another site of it).
CREATE TRIGGER centre_session_programme BEFORE UPDATE OF site_id
ON centre_session
WHEN (SELECT programme_id FROM centre_site WHERE id = NEW.site_id) IS NOT
     (SELECT programme_id FROM centre_site WHERE id = OLD.site_id)
BEGIN
	SELECT RAISE(ABORT, 'centre_session: another programme''s site');
END;
CREATE TRIGGER ov_centre_booking_insert AFTER INSERT ON centre_booking
WHEN NEW.status IN ('attended', 'no_show')
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || CASE NEW.status WHEN 'attended'
				       THEN '.attended' ELSE '.no_shows' END,
	       substr(NEW.date, 1, 7), 1
	FROM centre_session x JOIN centre_site s ON s.id = x.site_id
	JOIN centre_programme p ON p.id = s.programme_id
	WHERE x.id = NEW.session_id
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_centre_booking_delete AFTER DELETE ON centre_booking
WHEN OLD.status IN ('attended', 'no_show')
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'centres.' || p.code ||
			 CASE OLD.status WHEN 'attended' THEN '.attended'
			 ELSE '.no_shows' END
			 FROM centre_session x JOIN centre_site s
			   ON s.id = x.site_id
			 JOIN centre_programme p ON p.id = s.programme_id
			 WHERE x.id = OLD.session_id);
END;
CREATE TRIGGER ov_centre_booking_update
AFTER UPDATE OF session_id, date, status ON centre_booking
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE OLD.status IN ('attended', 'no_show')
	  AND month = substr(OLD.date, 1, 7)
	  AND measure = (SELECT 'centres.' || p.code ||
			 CASE OLD.status WHEN 'attended' THEN '.attended'
			 ELSE '.no_shows' END
			 FROM centre_session x JOIN centre_site s
			   ON s.id = x.site_id
			 JOIN centre_programme p ON p.id = s.programme_id
			 WHERE x.id = OLD.session_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'centres.' || p.code || CASE NEW.status WHEN 'attended'
				       THEN '.attended' ELSE '.no_shows' END,
	       substr(NEW.date, 1, 7), 1
	FROM centre_session x JOIN centre_site s ON s.id = x.site_id
	JOIN centre_programme p ON p.id = s.programme_id
	WHERE x.id = NEW.session_id AND NEW.status IN ('attended', 'no_show')
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
