-- name: taxi-riders
-- title: Engelsiz Taksi yolcuları ve seferleri | Accessible taxi riders and their trips
-- needs: taxi.read
-- param: from date | Başlangıç günü | From day
-- param: to date | Bitiş günü | To day
-- column: rider id | Yolcu No | Rider No
-- column: name text | Ad Soyad | Name
-- column: aid text | Yardımcı araç | Mobility aid
-- column: appointments number sum | Randevu | Appointments
-- column: done number sum | Yapılan sefer | Trips done
-- column: cancelled number sum | İptal sefer | Trips cancelled
-- column: noshow number sum | Gelmediği randevu | No-show appointments
-- column: disability number | Engel oranı (%) | Disability (%)
-- column: flagged text | İşaretli | Flagged
-- column: last text | Son sefer | Last trip
-- total: Toplam | Total
--
-- Riders with at least one appointment between the two days (inclusive,
-- by appointment day). A no-show counts once per appointment even when
-- both its trips were missed. "İşaretli" is the no-show flag as it is
-- now, not as it was in the period.
SELECT r.id,
       p.first_name || ' ' || p.last_name AS name,
       CASE r.mobility_aid
	WHEN 'wheelchair' THEN 'tekerlekli sandalye'
	WHEN 'walker' THEN 'yürüteç'
	ELSE 'yok' END,
       count(DISTINCT a.id),
       sum(t.status = 'done'),
       sum(t.status = 'cancelled'),
       count(DISTINCT CASE WHEN t.status = 'noshow' THEN a.id END),
       coalesce(p.disability_pct, ''),
       CASE WHEN r.flagged THEN 'evet' ELSE '' END,
       strftime('%d.%m.%Y',
		max(CASE WHEN t.status IN ('done', 'noshow') THEN t.day END))
FROM taxi_rider r
JOIN person p ON p.id = r.person_id
JOIN taxi_appointment a ON a.rider_id = r.id
JOIN taxi_trip t ON t.appointment_id = a.id
WHERE a.day >= :from AND a.day <= :to
GROUP BY r.id
ORDER BY name COLLATE TURKISH, r.id;
