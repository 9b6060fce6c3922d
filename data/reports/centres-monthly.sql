-- name: centres-monthly
-- title: Merkezler aylık özeti (yer ve program) | Centres in the month, by site and programme
-- needs: centres.read
-- param: month month | Ay (YYYY-AA, ör. 2025-06) | Month (YYYY-MM, e.g. 2025-06)
-- column: programme text | Program | Programme
-- column: site text | Yer | Site
-- column: capacity number | Kapasite | Capacity
-- column: members number sum | Ay sonunda üye | Members at month end
-- column: new number sum | Yeni üye | New members
-- column: ended number sum | Biten üyelik | Memberships ended
-- column: visits number sum | Giriş | Check-ins
-- column: visitors number sum | Gelen kişi | Persons checked in
-- column: sessions number sum | Oturum | Sessions held
-- column: attended number sum | Katılım | Attended
-- column: no_shows number sum | Gelmeyen | No-shows
-- column: employed number sum | Çalışan | Employed
-- total: Toplam | Total
--
-- Every site (active, or with something in the month), by programme, then
-- by its name; its capacity (0: no limit), the memberships running on the
-- month's last day, started and ended in the month, the check-ins of the
-- month and the distinct persons who checked in, the sessions held (not
-- cancelled), their bookings attended and missed, and the persons with a
-- placement running some day of the month. The same rows the annual
-- report's figures count (migration 020), a month at a time.
WITH m(first, last) AS (
	SELECT :month || '-01', date(:month || '-01', '+1 month', '-1 day')
), r AS (
	SELECT s.id, p.name_tr AS programme, s.name AS site, s.capacity,
	       s.active,
	       (SELECT count(*) FROM centre_member x
		WHERE x.site_id = s.id AND x.start <= m.last
		  AND (x.end_date IS NULL OR x.end_date >= m.last)) AS members,
	       (SELECT count(*) FROM centre_member x
		WHERE x.site_id = s.id
		  AND x.start BETWEEN m.first AND m.last) AS new,
	       (SELECT count(*) FROM centre_member x
		WHERE x.site_id = s.id
		  AND x.end_date BETWEEN m.first AND m.last) AS ended,
	       (SELECT count(*) FROM centre_visit v
		WHERE v.site_id = s.id
		  AND v.date BETWEEN m.first AND m.last) AS visits,
	       (SELECT count(DISTINCT v.person_id) FROM centre_visit v
		WHERE v.site_id = s.id
		  AND v.date BETWEEN m.first AND m.last) AS visitors,
	       (SELECT count(*) FROM centre_session x
		WHERE x.site_id = s.id AND x.status = 'open'
		  AND x.date BETWEEN m.first AND m.last) AS sessions,
	       (SELECT count(*) FROM centre_booking b
		JOIN centre_session x ON x.id = b.session_id
		WHERE x.site_id = s.id AND b.status = 'attended'
		  AND b.date BETWEEN m.first AND m.last) AS attended,
	       (SELECT count(*) FROM centre_booking b
		JOIN centre_session x ON x.id = b.session_id
		WHERE x.site_id = s.id AND b.status = 'no_show'
		  AND b.date BETWEEN m.first AND m.last) AS no_shows,
	       (SELECT count(DISTINCT c.person_id) FROM centre_placement c
		WHERE c.site_id = s.id AND c.start <= m.last
		  AND (c.end_date IS NULL OR c.end_date >= m.first)) AS employed,
	       p.id AS pid
	FROM centre_site s JOIN centre_programme p ON p.id = s.programme_id, m
)
SELECT programme, site, capacity, members, new, ended, visits, visitors,
       sessions, attended, no_shows, employed
FROM r
WHERE active OR members + new + ended + visits + sessions + employed > 0
ORDER BY pid, site COLLATE TURKISH, id;
