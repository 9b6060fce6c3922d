-- name: kitchen-monthly
-- title: Aşevi aylık ikram özeti | Soup kitchen servings in the month
-- needs: kitchen.read
-- param: month month | Ay (YYYY-AA, ör. 2026-06) | Month (YYYY-MM, e.g. 2026-06)
-- column: channel text | Kanal | Channel
-- column: item text | Kalem | Item
-- column: unit text | Birim | Unit
-- column: count number sum | Adet | Count
-- column: days number | Gün | Days
-- total: Toplam | Total
--
-- The daily tally (kitchen_tally) of the month, one row per channel and
-- item that has a count, in the lists' order; days counts the days with
-- a count above 0.
SELECT c.name, i.name, i.unit, sum(t.count), sum(t.count > 0)
FROM kitchen_tally t
JOIN kitchen_channel c ON c.id = t.channel_id
JOIN kitchen_item i ON i.id = t.item_id
WHERE t.date >= :month || '-01' AND t.date < date(:month || '-01', '+1 month')
GROUP BY c.id, i.id
HAVING sum(t.count) > 0
ORDER BY c.sort, c.id, i.sort, i.id;
