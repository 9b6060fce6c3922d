-- 010: covering indexes for the year's figures (annual report, dashboard).
--
-- scripts/bench at 1,000,000 persons and ten times İzmit's 2025 volume:
-- each food-bank figure read 76,000 package rows through the date index
-- and then the table (0.2 s each); with the household and value in the
-- index the same figures read the index alone. The narrower date-only
-- indexes they extend are dropped.
DROP INDEX fb_distribution_date;
CREATE INDEX fb_distribution_date
	ON fb_distribution (date, household_id, value_kurus);
DROP INDEX inspection_visit_date;
CREATE INDEX inspection_visit_date ON inspection_visit (visited_on, request_id);
CREATE INDEX homecare_visit_year ON homecare_visit (date, status, client_id);
CREATE INDEX taxi_trip_year ON taxi_trip (day, status, appointment_id);
