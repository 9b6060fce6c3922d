-- name: foodbank-weekly-markets
-- title: Marketlerin haftalık teslimatları | The markets' weekly supplies
-- needs: foodbank.read
-- param: week date | Haftanın herhangi bir günü (GG.AA.YYYY) | Any day of the week (DD.MM.YYYY)
-- column: market text | Market | Market
-- column: week_start text | Hafta başı | Week from
-- column: vegetable_kg number sum | Sebze (kg) | Vegetables (kg)
-- column: fruit_kg number sum | Meyve (kg) | Fruit (kg)
-- column: deli_kg number sum | Şarküteri (kg) | Delicatessen (kg)
-- column: pieces number sum | Adet | Pieces
-- column: value_tl money sum | Değer (TL) | Value (TL)
-- total: Toplam | Total
--
-- The Monday–Sunday week that holds the given day. Every active market
-- is listed, with zeros when it delivered nothing (a missing delivery is
-- what this report is for). Weights are in kg; deliveries counted in
-- pieces are summed apart, whatever their category.
WITH w AS (
	SELECT date(:week, 'weekday 0', '-6 days') AS since,
	       date(:week, 'weekday 0', '+1 day') AS until
),
sums AS (
	SELECT m.id, m.name, w.since,
	       coalesce(sum(CASE WHEN s.category = 'vegetable'
			    AND s.unit = 'kg' THEN s.qty_milli END), 0) AS veg,
	       coalesce(sum(CASE WHEN s.category = 'fruit'
			    AND s.unit = 'kg' THEN s.qty_milli END), 0) AS fruit,
	       coalesce(sum(CASE WHEN s.category = 'deli'
			    AND s.unit = 'kg' THEN s.qty_milli END), 0) AS deli,
	       coalesce(sum(CASE WHEN s.unit = 'adet'
			    THEN s.qty_milli END), 0) AS pieces,
	       coalesce(sum(s.value_kurus), 0) AS kurus
	FROM w, fb_market m
	LEFT JOIN fb_supply s ON s.market_id = m.id
		AND s.date >= w.since AND s.date < w.until
	WHERE m.active OR s.id IS NOT NULL
	GROUP BY m.id
)
SELECT name, since,
       CASE WHEN veg % 1000 = 0 THEN veg / 1000
	    ELSE printf('%.3f', veg / 1000.0) END,
       CASE WHEN fruit % 1000 = 0 THEN fruit / 1000
	    ELSE printf('%.3f', fruit / 1000.0) END,
       CASE WHEN deli % 1000 = 0 THEN deli / 1000
	    ELSE printf('%.3f', deli / 1000.0) END,
       CASE WHEN pieces % 1000 = 0 THEN pieces / 1000
	    ELSE printf('%.3f', pieces / 1000.0) END,
       printf('%.2f', kurus / 100.0)
FROM sums
ORDER BY id;
