-- name: kitchen-annual
-- title: Aşevi yıllık ikram özeti | Soup kitchen servings in the year
-- needs: kitchen.read
-- param: year year | Yıl (YYYY) | Year (YYYY)
-- column: channel text | Kanal | Channel
-- column: item text | Kalem | Item
-- column: unit text | Birim | Unit
-- column: count number sum | Adet | Count
-- column: days number | Gün | Days
-- total: Toplam | Total
--
-- The daily tally of the year, one row per channel and item that has a
-- count; the annual report's kitchen figures are sums of these rows
-- (hane annual --year YYYY --verify).
SELECT c.name, i.name, i.unit, sum(t.count), sum(t.count > 0)
FROM kitchen_tally t
JOIN kitchen_channel c ON c.id = t.channel_id
JOIN kitchen_item i ON i.id = t.item_id
WHERE t.date BETWEEN :year || '-01-01' AND :year || '-12-31'
GROUP BY c.id, i.id
HAVING sum(t.count) > 0
ORDER BY c.sort, c.id, i.sort, i.id;
