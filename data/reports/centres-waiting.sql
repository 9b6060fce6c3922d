-- name: centres-waiting
-- title: Merkezlerin bekleme listeleri | Centres' waiting lists
-- needs: centres.read
-- column: programme text | Program | Programme
-- column: site text | Yer | Site
-- column: position number | Sıra | Position
-- column: application id | Başvuru No | Application
-- column: tckn tckn | TC Kimlik No | TC Kimlik No
-- column: name text | Ad Soyad | Name
-- column: applied date | Başvuru | Applied
-- column: waiting date | Listeye alındı | Waiting since
-- column: reason personal | Gerekçe | Reason
-- column: waiting_count number sum | Bekleyen | Waiting
-- total: Toplam | Total
--
-- Each site's waiting list as it stands: the applications on it in
-- order of date applied, then number (the position the model derives,
-- hane/centres.h); the first is who is next when a place frees. The
-- reason may hold health details: masked like every personal column. A
-- centre's caseworker sees only the programmes they work in.
SELECT p.name_tr, s.name,
       row_number() OVER (PARTITION BY a.site_id ORDER BY a.date, a.id),
       a.id, q.tckn, q.first_name || ' ' || q.last_name, a.date,
       a.decided_on, coalesce(a.reason, ''), 1
FROM centre_application a
JOIN centre_programme p ON p.id = a.programme_id
JOIN centre_site s ON s.id = a.site_id
JOIN person q ON q.id = a.person_id
WHERE a.status = 'waiting'
  AND ((SELECT role FROM staff WHERE id = :actor) IS NOT 'caseworker'
       OR a.programme_id IN (SELECT programme_id FROM centre_staff
			     WHERE staff_id = :actor))
ORDER BY p.id, s.name COLLATE TURKISH, a.site_id, a.date, a.id;
