-- name: aid-active
-- title: Düzenli yardım alan haneler | Households receiving regular aid
-- needs: inspection.read
-- param: on date | Tarih (bu tarihte süren yardımlar) | Date (aid running on it)
-- column: household id | Hane No | Household
-- column: head text | Hane reisi | Head of household
-- column: mahalle text | Mahalle | Neighbourhood
-- column: kind text | Yardım cinsi | Kind
-- column: amount money | Tutar (TL) | Amount (TL)
-- column: frequency text | Sıklık | Frequency
-- column: monthly money sum | Aylık karşılığı (TL) | Monthly equivalent (TL)
-- column: start_on text | Başlangıç | Start
-- column: end_on text | Bitiş | End
-- column: days_left number | Kalan gün | Days left
-- column: renewal text | Yenileme başvurusu | Renewal request
-- total: Toplam | Total
--
-- Every regular aid decision whose period contains the date (start and
-- end included), of requests not cancelled, ending soonest first. The
-- monthly equivalent spreads a quarterly amount over 3 months and a
-- yearly one over 12. "Yenileme başvurusu" names the renewal request
-- (not cancelled) when one has been opened.
SELECT r.household_id,
       coalesce(p.first_name || ' ' || p.last_name, ''),
       coalesce(nullif(h.mahalle, ''), '-'),
       CASE d.kind WHEN 'cash' THEN 'nakdi' WHEN 'food' THEN 'gıda'
	    WHEN 'clothing' THEN 'giyim' WHEN 'fuel' THEN 'yakacak'
	    WHEN 'education' THEN 'eğitim' ELSE 'diğer' END,
       printf('%.2f', coalesce(d.amount_kurus, 0) / 100.0),
       CASE d.frequency WHEN 'monthly' THEN 'aylık'
	    WHEN 'quarterly' THEN 'üç aylık' ELSE 'yıllık' END,
       printf('%.2f', coalesce(d.amount_kurus, 0) / 100.0 /
	      CASE d.frequency WHEN 'monthly' THEN 1 WHEN 'quarterly' THEN 3
		   ELSE 12 END),
       d.start_on, d.end_on,
       CAST(julianday(d.end_on) - julianday(:on) AS INTEGER),
       coalesce((SELECT '#' || min(n.id) FROM inspection_request n
		 WHERE n.renewal_of = r.id AND n.status <> 'cancelled'), '')
FROM inspection_decision d
JOIN inspection_request r ON r.id = d.request_id
JOIN household h ON h.id = r.household_id
LEFT JOIN person p ON p.id = h.head_id
WHERE d.outcome = 'aid' AND d.aid_type = 'regular'
  AND d.start_on <= :on AND d.end_on >= :on
  AND r.status <> 'cancelled'
ORDER BY d.end_on, r.household_id;
