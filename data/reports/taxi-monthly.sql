-- name: taxi-monthly
-- title: Engelsiz Taksi aylık sefer özeti | Accessible taxi trips in the month
-- needs: taxi.read
-- param: month month | Ay (YYYY-AA, ör. 2026-06) | Month (YYYY-MM, e.g. 2026-06)
-- column: purpose text | Amaç | Purpose
-- column: vehicle text | Araç | Vehicle
-- column: appointments number sum | Randevu | Appointments
-- column: trips number sum | Sefer | Trips
-- column: done number sum | Yapılan | Done
-- column: cancelled number sum | İptal | Cancelled
-- column: noshow number sum | Gelmedi | No-show
-- column: planned number sum | Sonucu girilmemiş | No outcome yet
-- column: wheelchair number sum | Tekerlekli sandalyeli (yapılan) | Wheelchair trips done
-- total: Toplam | Total
--
-- By trip day (taxi_trip.day) within the month, one row per purpose and
-- vehicle. An appointment is counted once, in the row of its outbound
-- trip's vehicle; trips = done + cancelled + no-show + no outcome yet.
-- "Tekerlekli sandalyeli" counts the done trips of wheelchair riders.
-- Trips without a vehicle are listed under "-".
WITH span AS (
	SELECT :month || '-01' AS since,
	       date(:month || '-01', '+1 month') AS until
)
SELECT CASE a.purpose
	WHEN 'exam' THEN 'muayene'
	WHEN 'treatment' THEN 'tedavi'
	WHEN 'dialysis' THEN 'diyaliz'
	WHEN 'physio' THEN 'fizik tedavi'
	ELSE 'diğer' END AS purpose,
       coalesce(v.plate, '-') AS vehicle,
       count(DISTINCT CASE WHEN t.leg = 'out' THEN t.appointment_id END),
       count(*),
       sum(t.status = 'done'),
       sum(t.status = 'cancelled'),
       sum(t.status = 'noshow'),
       sum(t.status = 'planned'),
       sum(t.status = 'done' AND t.wheelchair = 1)
FROM taxi_trip t
JOIN taxi_appointment a ON a.id = t.appointment_id
LEFT JOIN taxi_vehicle v ON v.id = t.vehicle_id, span
WHERE t.day >= span.since AND t.day < span.until
GROUP BY 1, 2
ORDER BY purpose COLLATE TURKISH, vehicle;
