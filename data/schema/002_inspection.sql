-- 002: social inspection (sosyal inceleme): requests, visits, decisions.
--
-- A request moves requested → assigned → visited → decided → closed, or
-- is cancelled before a decision; the model (src/units/inspection) keeps
-- the flow, this schema keeps what must hold even against a buggy or
-- concurrent writer: the codes, one visit and one decision per request,
-- and at most one open request per household and reason.

-- Tunable numbers of the unit (due days by urgency, renewal notice).
-- Edited through the model, so every change is audited.
CREATE TABLE inspection_setting (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 365),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
INSERT INTO inspection_setting (name, value, created_at, updated_at)
VALUES ('due_days_urgent', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
       ('due_days_normal', 15, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
       ('renewal_days', 30, '2026-01-01 00:00:00', '2026-01-01 00:00:00');

CREATE TABLE inspection_request (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household (id),
	requested_on TEXT NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN
		('walk_in', 'phone', 'referral', 'cinar', 'renewal')),
	referrer TEXT,
	reason TEXT NOT NULL CHECK (reason IN ('general', 'food', 'fuel',
		'rent', 'education', 'health', 'child_home', 'other')),
	reason_text TEXT,
	urgency TEXT NOT NULL DEFAULT 'normal'
		CHECK (urgency IN ('normal', 'urgent')),
	status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested',
		'assigned', 'visited', 'decided', 'closed', 'cancelled')),
	inspector_id INTEGER REFERENCES staff (id),
	assigned_on TEXT,
	due_on TEXT NOT NULL,
	ended_on TEXT,                 -- closed or cancelled on
	cancel_reason TEXT,
	renewal_of INTEGER REFERENCES inspection_request (id),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
-- The rule "no two open requests for the same reason", held by the
-- database too, so two clerks typing at once cannot both get through.
CREATE UNIQUE INDEX inspection_request_open ON inspection_request
	(household_id, reason)
	WHERE status IN ('requested', 'assigned', 'visited');
CREATE INDEX inspection_request_household ON inspection_request
	(household_id, requested_on);
CREATE INDEX inspection_request_queue ON inspection_request
	(status, due_on);
CREATE INDEX inspection_request_inspector ON inspection_request
	(inspector_id, status);
CREATE INDEX inspection_request_date ON inspection_request (requested_on);
CREATE INDEX inspection_request_renewal ON inspection_request (renewal_of)
	WHERE renewal_of IS NOT NULL;

CREATE TABLE inspection_visit (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL UNIQUE REFERENCES inspection_request (id),
	visited_on TEXT NOT NULL,
	inspector_id INTEGER NOT NULL REFERENCES staff (id),
	present TEXT,
	tenure TEXT CHECK (tenure IN ('owner', 'tenant', 'rent_free', 'other')),
	rent_kurus INTEGER CHECK (rent_kurus >= 0),
	rooms INTEGER CHECK (rooms >= 0),
	heating TEXT CHECK (heating IN
		('stove', 'gas', 'central', 'electric', 'none', 'other')),
	income_kurus INTEGER CHECK (income_kurus >= 0),
	expenses_kurus INTEGER CHECK (expenses_kurus >= 0),
	health TEXT,
	disability TEXT,
	findings TEXT,
	recommendation TEXT NOT NULL CHECK (recommendation IN
		('one_time', 'regular', 'in_kind', 'reject')),
	note TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX inspection_visit_date ON inspection_visit (visited_on);

CREATE TABLE inspection_decision (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL UNIQUE REFERENCES inspection_request (id),
	decided_on TEXT NOT NULL,
	decided_by INTEGER NOT NULL REFERENCES staff (id),
	outcome TEXT NOT NULL CHECK (outcome IN ('aid', 'rejected')),
	aid_type TEXT CHECK (aid_type IN ('one_time', 'regular')),
	kind TEXT CHECK (kind IN
		('cash', 'food', 'clothing', 'fuel', 'education', 'other')),
	amount_kurus INTEGER CHECK (amount_kurus >= 0),
	start_on TEXT,
	end_on TEXT,
	frequency TEXT CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
	reason TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT,
	CHECK (outcome = 'aid' OR (aid_type IS NULL AND kind IS NULL)),
	CHECK (aid_type IS NOT 'regular' OR
	       (start_on IS NOT NULL AND end_on >= start_on))
);
CREATE INDEX inspection_decision_date ON inspection_decision (decided_on);
CREATE INDEX inspection_decision_regular ON inspection_decision (end_on)
	WHERE aid_type = 'regular';
