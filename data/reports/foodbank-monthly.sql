-- name: foodbank-monthly
-- title: Gıda Bankası aylık özet | Food bank monthly summary
-- needs: foodbank.read
-- param: month month | Ay (YYYY-AA, ör. 2026-06) | Month (YYYY-MM, e.g. 2026-06)
-- column: section text | Bölüm | Section
-- column: item text | Kalem | Item
-- column: count number | Sayı | Count
-- column: value_tl money | Değer (TL) | Value (TL)
--
-- One table in four parts, by the date of each record (not the day it was
-- typed in): households served (each counted once however many packages
-- it got) and the value of what they got; new households (whose first
-- package ever was in the month); packages by type; donations by branch
-- and market supplies by market, with their estimated value in TL. Types,
-- branches and markets with nothing in the month are left out.
WITH span AS (
	SELECT :month || '-01' AS since,
	       date(:month || '-01', '+1 month') AS until
),
dist AS (
	SELECT d.* FROM fb_distribution d, span
	WHERE d.date >= span.since AND d.date < span.until
),
firsts AS (
	SELECT household_id, min(date) AS first
	FROM fb_distribution GROUP BY household_id
),
lines(ord, section, item, n, kurus) AS (
	SELECT 1, 'Hizmet verilen hane (tekil)', '-',
	       (SELECT count(DISTINCT household_id) FROM dist),
	       (SELECT coalesce(sum(value_kurus), 0) FROM dist)
	UNION ALL
	SELECT 2, 'Yeni hane', '-',
	       (SELECT count(*) FROM firsts, span
		WHERE firsts.first >= span.since AND firsts.first < span.until),
	       NULL
	UNION ALL
	SELECT 3, 'Paket', p.name_tr, count(*), sum(dist.value_kurus)
	FROM dist JOIN fb_package_type p ON p.id = dist.package_id
	GROUP BY p.id
	UNION ALL
	SELECT 4, 'Bağış', b.name, count(*), sum(dn.value_kurus)
	FROM fb_donation dn JOIN fb_branch b ON b.id = dn.branch_id, span
	WHERE dn.date >= span.since AND dn.date < span.until
	GROUP BY b.id
	UNION ALL
	SELECT 5, 'Market', m.name, count(*), sum(s.value_kurus)
	FROM fb_supply s JOIN fb_market m ON m.id = s.market_id, span
	WHERE s.date >= span.since AND s.date < span.until
	GROUP BY m.id
)
SELECT section, item, n,
       CASE WHEN kurus IS NULL THEN NULL
	    ELSE printf('%.2f', kurus / 100.0) END
FROM lines
ORDER BY ord, item COLLATE TURKISH;
