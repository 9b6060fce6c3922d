-- 011: the year's figures kept as running totals.
--
-- scripts/bench at 1,000,000 persons and ten times İzmit's 2025 volume:
-- the annual report's thirty figures, each counted from the units' rows,
-- took 0.8 s (with 010's covering indexes; 2.5 s before), and the
-- dashboard on the main menu 0.23 s. The households and persons served
-- (the union of four units' events, counted distinct) were half of it.
--
-- ov_tally holds, per figure and month, the count (or sum of kuruş) of the
-- units' rows that make it. ov_served holds, per figure and year, each
-- household (or person, or rider) served: n is how many counted rows name
-- it (the row goes when n reaches 0), persons the number of persons in
-- the household when it was first served that year. Both are kept right
-- by plain SQL triggers on every change of the rows they count, so writes
-- from the sqlite3 tool keep them right too; `hane annual --verify`
-- compares every figure with the units' rows.
--
-- The household of a care visit or a taxi trip is the person's household
-- when the visit or trip is recorded done.

CREATE TABLE ov_tally (
	measure TEXT NOT NULL,
	month TEXT NOT NULL,          -- YYYY-MM
	n INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (measure, month)
) WITHOUT ROWID;

CREATE TABLE ov_served (
	measure TEXT NOT NULL,
	year INTEGER NOT NULL,
	key INTEGER NOT NULL,         -- household, person or rider id
	n INTEGER NOT NULL DEFAULT 0,
	persons INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (measure, year, key)
) WITHOUT ROWID;

-- ---- What is already recorded ----------------------------------------------
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.requests', substr(R.requested_on, 1, 7), sum(1) FROM inspection_request R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.visits', substr(R.visited_on, 1, 7), sum(1) FROM inspection_visit R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.decisions', substr(R.decided_on, 1, 7), sum(1) FROM inspection_decision R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.aid', substr(R.decided_on, 1, 7), sum(1) FROM inspection_decision R
WHERE R.outcome = 'aid'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.regular', substr(R.decided_on, 1, 7), sum(1) FROM inspection_decision R
WHERE R.aid_type = 'regular'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.rejected', substr(R.decided_on, 1, 7), sum(1) FROM inspection_decision R
WHERE R.outcome = 'rejected'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'inspection.cash', substr(R.decided_on, 1, 7), sum(coalesce(R.amount_kurus, 0)) FROM inspection_decision R
WHERE R.outcome = 'aid' AND R.kind = 'cash'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'foodbank.packages', substr(R.date, 1, 7), sum(1) FROM fb_distribution R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'foodbank.value', substr(R.date, 1, 7), sum(R.value_kurus) FROM fb_distribution R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'foodbank.donations', substr(R.date, 1, 7), sum(1) FROM fb_donation R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'foodbank.donation_value', substr(R.date, 1, 7), sum(R.value_kurus) FROM fb_donation R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'foodbank.supply_value', substr(R.date, 1, 7), sum(R.value_kurus) FROM fb_supply R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'homecare.care_visits', substr(R.date, 1, 7), sum(1) FROM homecare_visit R
WHERE R.service = 'care' AND R.status = 'done'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'homecare.cleanings', substr(R.date, 1, 7), sum(1) FROM homecare_visit R
WHERE R.service = 'cleaning' AND R.status = 'done'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'homecare.missed', substr(R.date, 1, 7), sum(1) FROM homecare_visit R
WHERE R.status = 'missed'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'homecare.new_clients', substr(R.start_date, 1, 7), sum(1) FROM homecare_client R
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'taxi.appointments', substr(R.day, 1, 7), sum(1) FROM taxi_appointment R
WHERE R.status = 'booked'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'taxi.trips', substr(R.day, 1, 7), sum(1) FROM taxi_trip R
WHERE R.status = 'done'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'taxi.wheelchair', substr(R.day, 1, 7), sum(1) FROM taxi_trip R
WHERE R.status = 'done' AND R.wheelchair = 1
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'taxi.noshows', substr(R.day, 1, 7), sum(1) FROM taxi_trip R
WHERE R.status = 'noshow'
GROUP BY 2;
INSERT INTO ov_tally (measure, month, n)
SELECT 'taxi.cancelled', substr(R.day, 1, 7), sum(1) FROM taxi_trip R
WHERE R.status = 'cancelled'
GROUP BY 2;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'inspection.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.visited_on, 1, 4) AS INTEGER) AS year, (SELECT household_id FROM inspection_request WHERE id = R.request_id) AS key
	FROM inspection_visit R
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'foodbank.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, R.household_id AS key
	FROM fb_distribution R
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'homecare.care_persons', year, key, count(*), 1 FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, (SELECT person_id FROM homecare_client WHERE id = R.client_id) AS key
	FROM homecare_visit R
	WHERE R.service = 'care' AND R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'homecare.cleaning_persons', year, key, count(*), 1 FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, (SELECT person_id FROM homecare_client WHERE id = R.client_id) AS key
	FROM homecare_visit R
	WHERE R.service = 'cleaning' AND R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'homecare.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = R.client_id) AS key
	FROM homecare_visit R
	WHERE R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'taxi.riders', year, key, count(*), 1 FROM (
	SELECT CAST(substr(R.day, 1, 4) AS INTEGER) AS year, (SELECT rider_id FROM taxi_appointment WHERE id = R.appointment_id) AS key
	FROM taxi_trip R
	WHERE R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'taxi.households', year, key, count(*), (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.day, 1, 4) AS INTEGER) AS year, (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = R.appointment_id) AS key
	FROM taxi_trip R
	WHERE R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;
INSERT INTO ov_served (measure, year, key, n, persons)
SELECT 'all.households', year, key, count(*),
       (SELECT count(*) FROM person WHERE household_id = key) FROM (
	SELECT CAST(substr(R.visited_on, 1, 4) AS INTEGER) AS year, (SELECT household_id FROM inspection_request WHERE id = R.request_id) AS key
	FROM inspection_visit R
	UNION ALL
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, R.household_id AS key
	FROM fb_distribution R
	UNION ALL
	SELECT CAST(substr(R.date, 1, 4) AS INTEGER) AS year, (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = R.client_id) AS key
	FROM homecare_visit R
	WHERE R.status = 'done'
	UNION ALL
	SELECT CAST(substr(R.day, 1, 4) AS INTEGER) AS year, (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = R.appointment_id) AS key
	FROM taxi_trip R
	WHERE R.status = 'done'
)
WHERE key IS NOT NULL GROUP BY year, key;

-- ---- Kept right by triggers -------------------------------------------------
-- A household or person whose last counted event goes leaves the set.
CREATE TRIGGER ov_served_empty AFTER UPDATE OF n ON ov_served
WHEN NEW.n <= 0
BEGIN
	DELETE FROM ov_served
	WHERE measure = NEW.measure AND year = NEW.year AND key = NEW.key;
END;

CREATE TRIGGER ov_inspection_request_insert AFTER INSERT ON inspection_request
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.requests', substr(NEW.requested_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_inspection_request_delete AFTER DELETE ON inspection_request
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.requests' AND month = substr(OLD.requested_on, 1, 7);
END;
CREATE TRIGGER ov_inspection_request_update
AFTER UPDATE OF requested_on ON inspection_request
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.requests' AND month = substr(OLD.requested_on, 1, 7);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.requests', substr(NEW.requested_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_inspection_visit_insert AFTER INSERT ON inspection_visit
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.visits', substr(NEW.visited_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'inspection.households', CAST(substr(NEW.visited_on, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT household_id FROM inspection_request WHERE id = NEW.request_id) AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.visited_on, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT household_id FROM inspection_request WHERE id = NEW.request_id) AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_inspection_visit_delete AFTER DELETE ON inspection_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.visits' AND month = substr(OLD.visited_on, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'inspection.households'
	  AND year = CAST(substr(OLD.visited_on, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM inspection_request WHERE id = OLD.request_id);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.visited_on, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM inspection_request WHERE id = OLD.request_id);
END;
CREATE TRIGGER ov_inspection_visit_update
AFTER UPDATE OF request_id, visited_on ON inspection_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.visits' AND month = substr(OLD.visited_on, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'inspection.households'
	  AND year = CAST(substr(OLD.visited_on, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM inspection_request WHERE id = OLD.request_id);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.visited_on, 1, 4) AS INTEGER)
	  AND key = (SELECT household_id FROM inspection_request WHERE id = OLD.request_id);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.visits', substr(NEW.visited_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'inspection.households', CAST(substr(NEW.visited_on, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT household_id FROM inspection_request WHERE id = NEW.request_id) AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.visited_on, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT household_id FROM inspection_request WHERE id = NEW.request_id) AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_inspection_decision_insert AFTER INSERT ON inspection_decision
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.decisions', substr(NEW.decided_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.aid', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.outcome = 'aid'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.regular', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.aid_type = 'regular'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.rejected', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.outcome = 'rejected'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.cash', substr(NEW.decided_on, 1, 7), coalesce(NEW.amount_kurus, 0)
	WHERE NEW.outcome = 'aid' AND NEW.kind = 'cash'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_inspection_decision_delete AFTER DELETE ON inspection_decision
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.decisions' AND month = substr(OLD.decided_on, 1, 7);
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.aid' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'aid';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.regular' AND month = substr(OLD.decided_on, 1, 7) AND OLD.aid_type = 'regular';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.rejected' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'rejected';
	UPDATE ov_tally SET n = n - coalesce(OLD.amount_kurus, 0)
	WHERE measure = 'inspection.cash' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'aid' AND OLD.kind = 'cash';
END;
CREATE TRIGGER ov_inspection_decision_update
AFTER UPDATE OF decided_on, outcome, aid_type, kind, amount_kurus ON inspection_decision
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.decisions' AND month = substr(OLD.decided_on, 1, 7);
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.aid' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'aid';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.regular' AND month = substr(OLD.decided_on, 1, 7) AND OLD.aid_type = 'regular';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'inspection.rejected' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'rejected';
	UPDATE ov_tally SET n = n - coalesce(OLD.amount_kurus, 0)
	WHERE measure = 'inspection.cash' AND month = substr(OLD.decided_on, 1, 7) AND OLD.outcome = 'aid' AND OLD.kind = 'cash';
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.decisions', substr(NEW.decided_on, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.aid', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.outcome = 'aid'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.regular', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.aid_type = 'regular'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.rejected', substr(NEW.decided_on, 1, 7), 1
	WHERE NEW.outcome = 'rejected'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'inspection.cash', substr(NEW.decided_on, 1, 7), coalesce(NEW.amount_kurus, 0)
	WHERE NEW.outcome = 'aid' AND NEW.kind = 'cash'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_fb_distribution_insert AFTER INSERT ON fb_distribution
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.packages', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'foodbank.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT NEW.household_id AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT NEW.household_id AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_fb_distribution_delete AFTER DELETE ON fb_distribution
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'foodbank.packages' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.value' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'foodbank.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = OLD.household_id;
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = OLD.household_id;
END;
CREATE TRIGGER ov_fb_distribution_update
AFTER UPDATE OF household_id, date, value_kurus ON fb_distribution
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'foodbank.packages' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.value' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'foodbank.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = OLD.household_id;
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = OLD.household_id;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.packages', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'foodbank.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT NEW.household_id AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT NEW.household_id AS key) k
	WHERE k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_fb_donation_insert AFTER INSERT ON fb_donation
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.donations', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.donation_value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_fb_donation_delete AFTER DELETE ON fb_donation
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'foodbank.donations' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.donation_value' AND month = substr(OLD.date, 1, 7);
END;
CREATE TRIGGER ov_fb_donation_update
AFTER UPDATE OF date, value_kurus ON fb_donation
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'foodbank.donations' AND month = substr(OLD.date, 1, 7);
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.donation_value' AND month = substr(OLD.date, 1, 7);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.donations', substr(NEW.date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.donation_value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_fb_supply_insert AFTER INSERT ON fb_supply
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.supply_value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_fb_supply_delete AFTER DELETE ON fb_supply
BEGIN
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.supply_value' AND month = substr(OLD.date, 1, 7);
END;
CREATE TRIGGER ov_fb_supply_update
AFTER UPDATE OF date, value_kurus ON fb_supply
BEGIN
	UPDATE ov_tally SET n = n - OLD.value_kurus
	WHERE measure = 'foodbank.supply_value' AND month = substr(OLD.date, 1, 7);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'foodbank.supply_value', substr(NEW.date, 1, 7), NEW.value_kurus
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_homecare_visit_insert AFTER INSERT ON homecare_visit
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.care_visits', substr(NEW.date, 1, 7), 1
	WHERE NEW.service = 'care' AND NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.cleanings', substr(NEW.date, 1, 7), 1
	WHERE NEW.service = 'cleaning' AND NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.missed', substr(NEW.date, 1, 7), 1
	WHERE NEW.status = 'missed'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.care_persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT person_id FROM homecare_client WHERE id = NEW.client_id) AS key) k
	WHERE NEW.service = 'care' AND NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.cleaning_persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT person_id FROM homecare_client WHERE id = NEW.client_id) AS key) k
	WHERE NEW.service = 'cleaning' AND NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = NEW.client_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = NEW.client_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_homecare_visit_delete AFTER DELETE ON homecare_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.care_visits' AND month = substr(OLD.date, 1, 7) AND OLD.service = 'care' AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.cleanings' AND month = substr(OLD.date, 1, 7) AND OLD.service = 'cleaning' AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.missed' AND month = substr(OLD.date, 1, 7) AND OLD.status = 'missed';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.care_persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT person_id FROM homecare_client WHERE id = OLD.client_id) AND OLD.service = 'care' AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.cleaning_persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT person_id FROM homecare_client WHERE id = OLD.client_id) AND OLD.service = 'cleaning' AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = OLD.client_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = OLD.client_id) AND OLD.status = 'done';
END;
CREATE TRIGGER ov_homecare_visit_update
AFTER UPDATE OF client_id, service, date, status ON homecare_visit
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.care_visits' AND month = substr(OLD.date, 1, 7) AND OLD.service = 'care' AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.cleanings' AND month = substr(OLD.date, 1, 7) AND OLD.service = 'cleaning' AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.missed' AND month = substr(OLD.date, 1, 7) AND OLD.status = 'missed';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.care_persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT person_id FROM homecare_client WHERE id = OLD.client_id) AND OLD.service = 'care' AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.cleaning_persons'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT person_id FROM homecare_client WHERE id = OLD.client_id) AND OLD.service = 'cleaning' AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'homecare.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = OLD.client_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.date, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = OLD.client_id) AND OLD.status = 'done';
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.care_visits', substr(NEW.date, 1, 7), 1
	WHERE NEW.service = 'care' AND NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.cleanings', substr(NEW.date, 1, 7), 1
	WHERE NEW.service = 'cleaning' AND NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.missed', substr(NEW.date, 1, 7), 1
	WHERE NEW.status = 'missed'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.care_persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT person_id FROM homecare_client WHERE id = NEW.client_id) AS key) k
	WHERE NEW.service = 'care' AND NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.cleaning_persons', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT person_id FROM homecare_client WHERE id = NEW.client_id) AS key) k
	WHERE NEW.service = 'cleaning' AND NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'homecare.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = NEW.client_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.date, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM homecare_client c JOIN person p ON p.id = c.person_id WHERE c.id = NEW.client_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_homecare_client_insert AFTER INSERT ON homecare_client
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.new_clients', substr(NEW.start_date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_homecare_client_delete AFTER DELETE ON homecare_client
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.new_clients' AND month = substr(OLD.start_date, 1, 7);
END;
CREATE TRIGGER ov_homecare_client_update
AFTER UPDATE OF start_date ON homecare_client
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'homecare.new_clients' AND month = substr(OLD.start_date, 1, 7);
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'homecare.new_clients', substr(NEW.start_date, 1, 7), 1
	WHERE true
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_taxi_appointment_insert AFTER INSERT ON taxi_appointment
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.appointments', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'booked'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_taxi_appointment_delete AFTER DELETE ON taxi_appointment
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.appointments' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'booked';
END;
CREATE TRIGGER ov_taxi_appointment_update
AFTER UPDATE OF day, status ON taxi_appointment
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.appointments' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'booked';
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.appointments', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'booked'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER ov_taxi_trip_insert AFTER INSERT ON taxi_trip
BEGIN
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.trips', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.wheelchair', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'done' AND NEW.wheelchair = 1
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.noshows', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'noshow'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.cancelled', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'cancelled'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'taxi.riders', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT rider_id FROM taxi_appointment WHERE id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'taxi.households', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ov_taxi_trip_delete AFTER DELETE ON taxi_trip
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.trips' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.wheelchair' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'done' AND OLD.wheelchair = 1;
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.noshows' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'noshow';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.cancelled' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'cancelled';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'taxi.riders'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT rider_id FROM taxi_appointment WHERE id = OLD.appointment_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'taxi.households'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = OLD.appointment_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = OLD.appointment_id) AND OLD.status = 'done';
END;
CREATE TRIGGER ov_taxi_trip_update
AFTER UPDATE OF appointment_id, day, wheelchair, status ON taxi_trip
BEGIN
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.trips' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'done';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.wheelchair' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'done' AND OLD.wheelchair = 1;
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.noshows' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'noshow';
	UPDATE ov_tally SET n = n - 1
	WHERE measure = 'taxi.cancelled' AND month = substr(OLD.day, 1, 7) AND OLD.status = 'cancelled';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'taxi.riders'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT rider_id FROM taxi_appointment WHERE id = OLD.appointment_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'taxi.households'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = OLD.appointment_id) AND OLD.status = 'done';
	UPDATE ov_served SET n = n - 1
	WHERE measure = 'all.households'
	  AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER)
	  AND key = (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = OLD.appointment_id) AND OLD.status = 'done';
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.trips', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'done'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.wheelchair', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'done' AND NEW.wheelchair = 1
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.noshows', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'noshow'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_tally (measure, month, n)
	SELECT 'taxi.cancelled', substr(NEW.day, 1, 7), 1
	WHERE NEW.status = 'cancelled'
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'taxi.riders', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, 1
	FROM (SELECT (SELECT rider_id FROM taxi_appointment WHERE id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'taxi.households', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT 'all.households', CAST(substr(NEW.day, 1, 4) AS INTEGER), k.key,
	       1, (SELECT count(*) FROM person WHERE household_id = k.key)
	FROM (SELECT (SELECT p.household_id FROM taxi_appointment a JOIN taxi_rider r ON r.id = a.rider_id JOIN person p ON p.id = r.person_id WHERE a.id = NEW.appointment_id) AS key) k
	WHERE NEW.status = 'done' AND k.key IS NOT NULL
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A care client moved to another person (a duplicates merge, or its undo):
-- the persons served follow the client's counted visits.
CREATE TRIGGER ov_homecare_client_person
AFTER UPDATE OF person_id ON homecare_client
BEGIN
	UPDATE ov_served
	SET n = n - (SELECT count(*) FROM homecare_visit v
		     WHERE v.client_id = NEW.id AND v.status = 'done'
		       AND v.service = CASE ov_served.measure
				       WHEN 'homecare.care_persons' THEN 'care'
				       ELSE 'cleaning' END
		       AND CAST(substr(v.date, 1, 4) AS INTEGER) = ov_served.year)
	WHERE measure IN ('homecare.care_persons', 'homecare.cleaning_persons')
	  AND key = OLD.person_id;
	INSERT INTO ov_served (measure, year, key, n, persons)
	SELECT CASE v.service WHEN 'care' THEN 'homecare.care_persons'
			      ELSE 'homecare.cleaning_persons' END,
	       CAST(substr(v.date, 1, 4) AS INTEGER), NEW.person_id, count(*), 1
	FROM homecare_visit v
	WHERE v.client_id = NEW.id AND v.status = 'done'
	GROUP BY 1, 2
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
