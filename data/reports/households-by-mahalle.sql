-- name: households-by-mahalle
-- title: Mahallelere göre kayıtlı haneler | Registered households by neighbourhood
-- column: mahalle text | Mahalle | Neighbourhood
-- column: households number sum | Aktif hane | Active households
-- column: persons number sum | Kişi | Persons
-- column: disabled number sum | Engelli kişi | Persons with a disability
-- column: income number | Ortalama aylık gelir (TL) | Average monthly income (TL)
-- total: Toplam | Total
--
-- The registry as it stands today: active households only. Income is the
-- average over households whose income is known.
SELECT coalesce(nullif(h.mahalle, ''), '-'),
       count(DISTINCT h.id),
       count(p.id),
       count(CASE WHEN p.disability_pct > 0 THEN 1 END),
       (SELECT printf('%.2f', avg(h2.income_kurus) / 100.0)
	FROM household h2
	WHERE h2.status = 'active' AND h2.income_kurus IS NOT NULL
	  AND coalesce(nullif(h2.mahalle, ''), '-') =
	      coalesce(nullif(h.mahalle, ''), '-'))
FROM household h LEFT JOIN person p ON p.household_id = h.id
WHERE h.status = 'active'
GROUP BY 1
ORDER BY 1;
