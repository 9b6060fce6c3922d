-- name: homecare-monthly
-- title: Evde Bakım ve Temizlik aylık faaliyet | Home care and cleaning activity in the month
-- needs: homecare.read
-- param: month month | Ay (YYYY-AA, ör. 2026-06) | Month (YYYY-MM, e.g. 2026-06)
-- column: service text | Hizmet | Service
-- column: caregiver text | Personel | Caregiver
-- column: active_clients number | Aktif danışan (hizmette) | Active clients (of the service)
-- column: clients number | Ziyaret edilen danışan | Clients visited
-- column: done number sum | Yapılan ziyaret | Visits done
-- column: missed_absent number sum | Yapılamadı: evde yok | Missed: not at home
-- column: missed_refused number sum | Yapılamadı: kabul etmedi | Missed: refused
-- column: missed_staff number sum | Yapılamadı: personel | Missed: staff absent
-- column: hours number sum | Saat (yapılan) | Hours (done)
-- total: Toplam | Total
--
-- One row per service and caregiver (or team) with visits done or missed
-- in the month, by the visit's date. Hours are the recorded actual times
-- of the visits done. "Active clients" counts the clients receiving the
-- service on any day of the month (started before its end, not ended
-- before its start); it is the same on every row of a service, so it has
-- no total. A service with active clients but no visits gets a row with
-- caregiver "-". Rescheduled and cancelled visits are not counted (the
-- new visit of a rescheduled one is).
WITH span AS (
	SELECT :month || '-01' AS since,
	       date(:month || '-01', '+1 month') AS until
),
svc (code, label) AS (VALUES ('care', 'Bakım'), ('cleaning', 'Temizlik')),
active AS (
	SELECT s.code, count(*) AS n
	FROM svc s, homecare_client c, span
	WHERE (c.services = s.code OR c.services = 'both')
	  AND c.start_date < span.until
	  AND (c.end_date IS NULL OR c.end_date >= span.since)
	GROUP BY s.code
),
v AS (
	SELECT v.service, coalesce(w.name, '(atanmamış)') AS worker,
	       v.client_id, v.status, v.missed_reason,
	       CASE WHEN v.status = 'done' THEN
		(strftime('%s', '2000-01-01 ' || v.actual_end) -
		 strftime('%s', '2000-01-01 ' || v.actual_start)) / 60
	       ELSE 0 END AS minutes
	FROM homecare_visit v
	LEFT JOIN homecare_worker w ON w.id = v.worker_id, span
	WHERE v.date >= span.since AND v.date < span.until
	  AND v.status IN ('done', 'missed')
),
g AS (
	SELECT service, worker,
	       count(DISTINCT CASE WHEN status = 'done' THEN client_id END)
		AS clients,
	       sum(status = 'done') AS done,
	       sum(coalesce(missed_reason = 'client_absent', 0)) AS absent,
	       sum(coalesce(missed_reason = 'refused', 0)) AS refused,
	       sum(coalesce(missed_reason = 'staff_absent', 0)) AS staff,
	       round(sum(minutes) / 60.0, 2) AS hours
	FROM v GROUP BY service, worker
)
SELECT s.label, g.worker, coalesce(a.n, 0), g.clients, g.done, g.absent,
       g.refused, g.staff, g.hours
FROM g JOIN svc s ON s.code = g.service
LEFT JOIN active a ON a.code = g.service
UNION ALL
SELECT s.label, '-', a.n, 0, 0, 0, 0, 0, 0
FROM active a JOIN svc s ON s.code = a.code
WHERE NOT EXISTS (SELECT 1 FROM g WHERE g.service = a.code)
ORDER BY 1 COLLATE TURKISH, 2 COLLATE TURKISH;
