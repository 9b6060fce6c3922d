-- name: households-monthly
-- title: Aylık yeni hane ve kişi kayıtları | Households and persons registered in the month
-- needs: household.read
-- param: month month | Ay (YYYY-AA, ör. 2026-06) | Month (YYYY-MM, e.g. 2026-06)
-- column: mahalle text | Mahalle | Neighbourhood
-- column: households number sum | Yeni hane | New households
-- column: persons number sum | Yeni kişi | New persons
-- total: Toplam | Total
--
-- Counts by the day a record was created (created_at, Istanbul time). A
-- person added to an older household counts under that household's
-- mahalle. Households without a mahalle are listed as "-".
WITH span AS (
	SELECT :month || '-01' AS since,
	       date(:month || '-01', '+1 month') AS until
),
hh AS (
	SELECT coalesce(nullif(h.mahalle, ''), '-') AS mahalle, count(*) AS n
	FROM household h, span
	WHERE h.created_at >= span.since AND h.created_at < span.until
	GROUP BY 1
),
pp AS (
	SELECT coalesce(nullif(h.mahalle, ''), '-') AS mahalle, count(*) AS n
	FROM person p JOIN household h ON h.id = p.household_id, span
	WHERE p.created_at >= span.since AND p.created_at < span.until
	GROUP BY 1
)
SELECT k.mahalle, coalesce(hh.n, 0), coalesce(pp.n, 0)
FROM (SELECT mahalle FROM hh UNION SELECT mahalle FROM pp) k
LEFT JOIN hh ON hh.mahalle = k.mahalle
LEFT JOIN pp ON pp.mahalle = k.mahalle
ORDER BY k.mahalle COLLATE TURKISH;
