-- name: centres-members
-- title: Merkezlerin üyeleri (bir günde) | Centre members on a day
-- needs: centres.read
-- param: on date | Tarih (bu tarihteki üyeler) | Date (members on this day)
-- column: programme text | Program | Programme
-- column: site text | Yer | Site
-- column: member id | Üyelik No | Membership
-- column: tckn tckn | TC Kimlik No | TC Kimlik No
-- column: name text | Ad Soyad | Name
-- column: start date | Başlangıç | Start
-- column: term text | Dönem | Term
-- column: visits number sum | Giriş (yıl içinde) | Check-ins (year to date)
-- column: last text | Son giriş | Last check-in
-- total: Toplam | Total
--
-- The memberships running on the day, by programme, site and name, with
-- the check-ins of the day's year up to it and the last one. A centre's
-- caseworker sees only the programmes they work in (centre_staff), as on
-- the screens; supervisors, administrators and reporters see them all.
SELECT p.name_tr, s.name, x.id, q.tckn, q.first_name || ' ' || q.last_name,
       x.start, coalesce(x.term, ''),
       (SELECT count(*) FROM centre_visit v WHERE v.member_id = x.id
	AND v.date BETWEEN substr(:on, 1, 4) || '-01-01' AND :on),
       coalesce((SELECT strftime('%d.%m.%Y', max(v.date)) FROM centre_visit v
		 WHERE v.member_id = x.id AND v.date <= :on), '-')
FROM centre_member x
JOIN centre_programme p ON p.id = x.programme_id
JOIN centre_site s ON s.id = x.site_id
JOIN person q ON q.id = x.person_id
WHERE x.start <= :on AND (x.end_date IS NULL OR x.end_date >= :on)
  AND ((SELECT role FROM staff WHERE id = :actor) IS NOT 'caseworker'
       OR x.programme_id IN (SELECT programme_id FROM centre_staff
			     WHERE staff_id = :actor))
ORDER BY p.id, s.name COLLATE TURKISH,
	 q.first_name || ' ' || q.last_name COLLATE TURKISH, x.id;
