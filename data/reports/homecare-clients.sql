-- name: homecare-clients
-- title: Evde Bakım danışan listesi | Home care client list
-- needs: homecare.read
-- param: on date | Tarih (bu tarihteki danışanlar) | Date (clients on this day)
-- column: client id | Danışan No | Client no
-- column: name text | Ad Soyad | Name
-- column: mahalle text | Mahalle | Neighbourhood
-- column: services text | Hizmet | Service
-- column: needs personal | İhtiyaçlar | Needs
-- column: plan text | Bakım planı | Care plan
-- column: start_date date | Başlangıç | Start
-- column: last_visit text | Son ziyaret | Last visit
-- column: next_visit text | Sıradaki ziyaret | Next visit
-- column: followups number sum | Açık takip | Open follow-ups
-- total: Toplam | Total
--
-- The clients receiving a service on the given day, by name, with their
-- plans valid that day ("Bakım 2/hafta Pzt,Per 09:00-12:00"), the last
-- visit done on or before the day, the next planned visit after it, and
-- the missed visits still waiting for a follow-up.
SELECT c.id, p.first_name || ' ' || p.last_name,
       coalesce(nullif(h.mahalle, ''), '-'),
       CASE c.services WHEN 'care' THEN 'Bakım'
		       WHEN 'cleaning' THEN 'Temizlik'
		       ELSE 'Bakım ve temizlik' END,
       replace(replace(replace(replace(replace(replace(replace(
	replace(c.needs, ',', ', '),
	'bedridden', 'yatağa bağımlı'), 'dementia', 'demans'),
	'alone', 'yalnız yaşıyor'), 'wheelchair', 'tekerlekli sandalye'),
	'incontinence', 'inkontinans'), 'visual', 'görme engelli'),
	'hearing', 'işitme engelli'),
       coalesce((SELECT group_concat(
		CASE pl.service WHEN 'care' THEN 'Bakım' ELSE 'Temizlik' END
		|| ' ' || pl.visits
		|| CASE pl.period WHEN 'week' THEN '/hafta' ELSE '/ay' END
		|| CASE WHEN pl.days <> '' THEN ' ' || rtrim(replace(
			replace(replace(replace(replace(replace(replace(
			pl.days, '1', 'Pzt,'), '2', 'Sal,'), '3', 'Çar,'),
			'4', 'Per,'), '5', 'Cum,'), '6', 'Cmt,'), '7', 'Paz,'),
			',') ELSE '' END
		|| ' ' || pl.window_start || '-' || pl.window_end, '; ')
		FROM homecare_plan pl WHERE pl.client_id = c.id
		AND pl.valid_from <= :on
		AND (pl.valid_to IS NULL OR pl.valid_to >= :on)), '-'),
       c.start_date,
       coalesce((SELECT max(v.date) FROM homecare_visit v
		 WHERE v.client_id = c.id AND v.status = 'done'
		 AND v.date <= :on), '-'),
       coalesce((SELECT min(v.date) FROM homecare_visit v
		 WHERE v.client_id = c.id AND v.status = 'planned'
		 AND v.date > :on), '-'),
       (SELECT count(*) FROM homecare_visit v
	WHERE v.client_id = c.id AND v.followup = 'open')
FROM homecare_client c
JOIN person p ON p.id = c.person_id
JOIN household h ON h.id = p.household_id
WHERE c.start_date <= :on AND (c.end_date IS NULL OR c.end_date >= :on)
ORDER BY p.first_name || ' ' || p.last_name COLLATE TURKISH, c.id;
