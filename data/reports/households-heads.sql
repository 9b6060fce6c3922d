-- name: households-heads
-- title: Mahallenin hane reisleri ve iletişim bilgileri | Heads of household in a neighbourhood, with contacts
-- needs: household.read
-- param: mahalle text | Mahalle | Neighbourhood
-- column: household id | Hane No | Household
-- column: tckn tckn | TC Kimlik No | TC Kimlik No
-- column: name text | Hane reisi | Head of household
-- column: phone phone | Telefon | Phone
-- column: address address | Adres | Address
-- column: members number sum | Kişi | Persons
-- total: Toplam | Total
--
-- A contact list for field visits in one neighbourhood: active households
-- and their heads. KVKK: TC Kimlik No, phone and address are personal
-- columns, masked unless the run is unmasked (export.unmasked). The
-- mahalle is matched as written in the registry, case aside.
SELECT h.id,
       coalesce(p.tckn, ''),
       p.first_name || ' ' || p.last_name,
       coalesce(nullif(p.phone, ''), h.phone, ''),
       trim(coalesce(h.street, '') ||
	    CASE WHEN coalesce(h.building, '') <> ''
		 THEN ' No:' || h.building ELSE '' END ||
	    CASE WHEN coalesce(h.door, '') <> ''
		 THEN ' D:' || h.door ELSE '' END),
       (SELECT count(*) FROM person m WHERE m.household_id = h.id)
FROM household h JOIN person p ON p.id = h.head_id
WHERE h.status = 'active' AND lower(h.mahalle) = lower(:mahalle)
ORDER BY h.id;
