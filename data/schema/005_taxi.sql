-- 005: Engelsiz Taksi (accessible taxi): settings, holidays, vehicles,
-- drivers, riders, frequent destinations, recurring series, appointments
-- and trips.
--
-- An appointment (randevu) is one visit of a rider to a destination; it
-- owns its trips: the outbound one (gidiş) and, when asked, the return
-- (dönüş). A trip holds a vehicle from `start_time` to `end_time` (the
-- trip duration); the buffer between trips is a setting, applied when
-- overlaps are checked, so changing it never rewrites stored trips.
-- Times are "HH:MM" local, days ISO dates.

-- Rules that a supervisor may tune (minutes unless said otherwise). Values
-- are integers; the model reads them all at once.
CREATE TABLE taxi_setting (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	value INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Days on which the office does not work (besides Saturday and Sunday):
-- the booking deadline is the previous WORKING day at the cutoff.
-- Fixed-date national holidays are seeded; the religious holidays move
-- every year and are added by an administrator (hane taxi holiday add).
CREATE TABLE taxi_holiday (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Drivers are not hane users: rows of this unit.
CREATE TABLE taxi_driver (
	id INTEGER PRIMARY KEY,
	full_name TEXT NOT NULL,
	phone TEXT,                    -- E.164
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TABLE taxi_vehicle (
	id INTEGER PRIMARY KEY,
	plate TEXT NOT NULL UNIQUE,    -- normalised "41 ABC 123"
	wheelchair_places INTEGER NOT NULL DEFAULT 0
		CHECK (wheelchair_places BETWEEN 0 AND 9),
	seats INTEGER NOT NULL DEFAULT 0 CHECK (seats BETWEEN 0 AND 20),
	in_service INTEGER NOT NULL DEFAULT 1 CHECK (in_service IN (0, 1)),
	driver_id INTEGER REFERENCES taxi_driver (id), -- usual driver
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- A rider is a registry person with a disability record (person.
-- disability_pct) plus what the driver must know.
CREATE TABLE taxi_rider (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL UNIQUE REFERENCES person (id),
	mobility_aid TEXT NOT NULL DEFAULT 'none'
		CHECK (mobility_aid IN ('none', 'walker', 'wheelchair')),
	companion INTEGER NOT NULL DEFAULT 0 CHECK (companion IN (0, 1)),
	driver_notes TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	-- Set when no-shows reach the limit; cleared by a supervisor.
	flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
	flagged_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TABLE taxi_destination (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT 'other'
		CHECK (kind IN ('hospital', 'physio', 'dialysis', 'clinic',
				'other')),
	address TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- A recurring request (dialysis three times a week): the appointments it
-- generated point back to it.
CREATE TABLE taxi_series (
	id INTEGER PRIMARY KEY,
	rider_id INTEGER NOT NULL REFERENCES taxi_rider (id),
	from_day TEXT NOT NULL,
	to_day TEXT NOT NULL,
	weekdays TEXT NOT NULL,        -- ISO weekday digits, "135" = Mon Wed Fri
	skip_days TEXT,                -- comma-separated ISO dates
	appt_time TEXT NOT NULL,
	return_time TEXT,
	destination TEXT NOT NULL,
	purpose TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

CREATE TABLE taxi_appointment (
	id INTEGER PRIMARY KEY,
	rider_id INTEGER NOT NULL REFERENCES taxi_rider (id),
	series_id INTEGER REFERENCES taxi_series (id),
	day TEXT NOT NULL,
	pickup_address TEXT NOT NULL,
	destination_id INTEGER REFERENCES taxi_destination (id),
	destination TEXT NOT NULL,     -- name as booked (kept if list changes)
	appt_time TEXT NOT NULL,       -- at the destination
	purpose TEXT NOT NULL DEFAULT 'exam'
		CHECK (purpose IN ('exam', 'treatment', 'dialysis', 'physio',
				   'other')),
	return_needed INTEGER NOT NULL DEFAULT 0 CHECK (return_needed IN (0, 1)),
	return_time TEXT,
	status TEXT NOT NULL DEFAULT 'booked'
		CHECK (status IN ('booked', 'cancelled')),
	override_reason TEXT,          -- booking window overridden: why
	notes TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX taxi_appointment_rider ON taxi_appointment (rider_id, day);
CREATE INDEX taxi_appointment_day ON taxi_appointment (day);

CREATE TABLE taxi_trip (
	id INTEGER PRIMARY KEY,
	appointment_id INTEGER NOT NULL REFERENCES taxi_appointment (id),
	leg TEXT NOT NULL CHECK (leg IN ('out', 'return')),
	day TEXT NOT NULL,
	start_time TEXT NOT NULL,      -- pickup
	end_time TEXT NOT NULL,        -- drop-off (start + trip duration)
	from_address TEXT NOT NULL,
	to_address TEXT NOT NULL,
	vehicle_id INTEGER REFERENCES taxi_vehicle (id),
	driver_id INTEGER REFERENCES taxi_driver (id),
	wheelchair INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair IN (0, 1)),
	companion INTEGER NOT NULL DEFAULT 0 CHECK (companion IN (0, 1)),
	status TEXT NOT NULL DEFAULT 'planned'
		CHECK (status IN ('planned', 'done', 'cancelled', 'noshow')),
	cancelled_by TEXT CHECK (cancelled_by IN ('rider', 'unit', 'driver')),
	cancel_reason TEXT,
	cancelled_at TEXT,
	notice_minutes INTEGER,        -- before pickup; negative: after it
	outcome_at TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	created_by TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT
);
CREATE INDEX taxi_trip_appointment ON taxi_trip (appointment_id);
CREATE INDEX taxi_trip_vehicle_day ON taxi_trip (vehicle_id, day, start_time);
CREATE INDEX taxi_trip_driver_day ON taxi_trip (driver_id, day, start_time);
CREATE INDEX taxi_trip_day ON taxi_trip (day, start_time);

-- ---- Seeds --------------------------------------------------------------
INSERT INTO taxi_setting (key, value, created_at, created_by, updated_at,
			  updated_by)
SELECT k, v, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM (SELECT 'cutoff' AS k, 990 AS v        -- 16:30 of the previous working day
      UNION ALL SELECT 'days_ahead', 14     -- furthest day bookable
      UNION ALL SELECT 'series_days', 92    -- furthest day of a series
      UNION ALL SELECT 'trip_minutes', 45   -- one trip holds a vehicle
      UNION ALL SELECT 'buffer_minutes', 15 -- between two trips
      UNION ALL SELECT 'day_start', 420     -- 07:00 first pickup
      UNION ALL SELECT 'day_end', 1200      -- 20:00 last drop-off
      UNION ALL SELECT 'slot_step', 15      -- free slots offered every
      UNION ALL SELECT 'noshow_limit', 2    -- no-shows that flag a rider
      UNION ALL SELECT 'noshow_days', 14    -- … within this many days
      UNION ALL SELECT 'min_disability', 40 -- engel oranı a rider needs
     );

INSERT INTO taxi_holiday (day, name, created_at, created_by, updated_at,
			  updated_by)
SELECT y || md, n, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00',
       'hane'
FROM (SELECT '2025' AS y UNION ALL SELECT '2026' UNION ALL SELECT '2027')
CROSS JOIN (SELECT '-01-01' AS md, 'Yılbaşı' AS n
	    UNION ALL SELECT '-04-23', 'Ulusal Egemenlik ve Çocuk Bayramı'
	    UNION ALL SELECT '-05-01', 'Emek ve Dayanışma Günü'
	    UNION ALL SELECT '-05-19',
			     'Atatürk''ü Anma, Gençlik ve Spor Bayramı'
	    UNION ALL SELECT '-07-15', 'Demokrasi ve Millî Birlik Günü'
	    UNION ALL SELECT '-08-30', 'Zafer Bayramı'
	    UNION ALL SELECT '-10-29', 'Cumhuriyet Bayramı');

-- Generic kinds of place, not real addresses: an administrator renames
-- them to the real institutions and adds addresses.
INSERT INTO taxi_destination (name, kind, created_at, created_by, updated_at,
			      updated_by)
SELECT n, k, '2026-01-01 00:00:00', 'hane', '2026-01-01 00:00:00', 'hane'
FROM (SELECT 'Devlet Hastanesi' AS n, 'hospital' AS k
      UNION ALL SELECT 'Eğitim ve Araştırma Hastanesi', 'hospital'
      UNION ALL SELECT 'Üniversite Hastanesi', 'hospital'
      UNION ALL SELECT 'Ağız ve Diş Sağlığı Merkezi', 'clinic'
      UNION ALL SELECT 'Aile Sağlığı Merkezi', 'clinic'
      UNION ALL SELECT 'Fizik Tedavi Merkezi', 'physio'
      UNION ALL SELECT 'Rehabilitasyon Merkezi', 'physio'
      UNION ALL SELECT 'Diyaliz Merkezi', 'dialysis');
