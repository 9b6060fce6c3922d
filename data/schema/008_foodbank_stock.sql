-- 008: the food bank's running stock.
--
-- Stock used to be summed from the whole history of donations, market
-- supplies and distributions of a branch at every package, which made a
-- year of distributions quadratic (at ten times İzmit's volume it did not
-- finish). fb_stock keeps the totals in and out per branch, category and
-- unit, kept right by plain SQL triggers on every change of the rows it
-- sums, so the sqlite3 tool's writes keep it right too.

CREATE TABLE fb_stock (
	branch_id INTEGER NOT NULL REFERENCES fb_branch (id),
	category TEXT NOT NULL,
	unit TEXT NOT NULL,
	in_milli INTEGER NOT NULL DEFAULT 0,
	out_milli INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (branch_id, category, unit)
) WITHOUT ROWID;

INSERT INTO fb_stock (branch_id, category, unit, in_milli, out_milli)
SELECT branch_id, category, unit, sum(qin), sum(qout) FROM (
	SELECT d.branch_id, i.category, i.unit, i.qty_milli AS qin, 0 AS qout
	FROM fb_donation_item i JOIN fb_donation d ON d.id = i.donation_id
	UNION ALL
	SELECT branch_id, category, unit, qty_milli, 0 FROM fb_supply
	UNION ALL
	SELECT d.branch_id, i.category, i.unit, 0, i.qty_milli
	FROM fb_distribution_item i
	JOIN fb_distribution d ON d.id = i.distribution_id
) GROUP BY branch_id, category, unit;

-- Donated items: in.
CREATE TRIGGER fb_stock_donation_item_insert AFTER INSERT ON fb_donation_item
BEGIN
	INSERT INTO fb_stock (branch_id, category, unit, in_milli)
	VALUES ((SELECT branch_id FROM fb_donation WHERE id = NEW.donation_id),
		NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET in_milli = in_milli + excluded.in_milli;
END;
CREATE TRIGGER fb_stock_donation_item_delete AFTER DELETE ON fb_donation_item
BEGIN
	UPDATE fb_stock SET in_milli = in_milli - OLD.qty_milli
	WHERE branch_id = (SELECT branch_id FROM fb_donation
			   WHERE id = OLD.donation_id)
	  AND category = OLD.category AND unit = OLD.unit;
END;
CREATE TRIGGER fb_stock_donation_item_update
AFTER UPDATE OF donation_id, category, unit, qty_milli ON fb_donation_item
BEGIN
	UPDATE fb_stock SET in_milli = in_milli - OLD.qty_milli
	WHERE branch_id = (SELECT branch_id FROM fb_donation
			   WHERE id = OLD.donation_id)
	  AND category = OLD.category AND unit = OLD.unit;
	INSERT INTO fb_stock (branch_id, category, unit, in_milli)
	VALUES ((SELECT branch_id FROM fb_donation WHERE id = NEW.donation_id),
		NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET in_milli = in_milli + excluded.in_milli;
END;

-- Market supplies: in.
CREATE TRIGGER fb_stock_supply_insert AFTER INSERT ON fb_supply
BEGIN
	INSERT INTO fb_stock (branch_id, category, unit, in_milli)
	VALUES (NEW.branch_id, NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET in_milli = in_milli + excluded.in_milli;
END;
CREATE TRIGGER fb_stock_supply_delete AFTER DELETE ON fb_supply
BEGIN
	UPDATE fb_stock SET in_milli = in_milli - OLD.qty_milli
	WHERE branch_id = OLD.branch_id AND category = OLD.category
	  AND unit = OLD.unit;
END;
CREATE TRIGGER fb_stock_supply_update
AFTER UPDATE OF branch_id, category, unit, qty_milli ON fb_supply
BEGIN
	UPDATE fb_stock SET in_milli = in_milli - OLD.qty_milli
	WHERE branch_id = OLD.branch_id AND category = OLD.category
	  AND unit = OLD.unit;
	INSERT INTO fb_stock (branch_id, category, unit, in_milli)
	VALUES (NEW.branch_id, NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET in_milli = in_milli + excluded.in_milli;
END;

-- Distributed items: out.
CREATE TRIGGER fb_stock_distribution_item_insert
AFTER INSERT ON fb_distribution_item
BEGIN
	INSERT INTO fb_stock (branch_id, category, unit, out_milli)
	VALUES ((SELECT branch_id FROM fb_distribution
		 WHERE id = NEW.distribution_id),
		NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET out_milli = out_milli + excluded.out_milli;
END;
CREATE TRIGGER fb_stock_distribution_item_delete
AFTER DELETE ON fb_distribution_item
BEGIN
	UPDATE fb_stock SET out_milli = out_milli - OLD.qty_milli
	WHERE branch_id = (SELECT branch_id FROM fb_distribution
			   WHERE id = OLD.distribution_id)
	  AND category = OLD.category AND unit = OLD.unit;
END;
CREATE TRIGGER fb_stock_distribution_item_update
AFTER UPDATE OF distribution_id, category, unit, qty_milli
ON fb_distribution_item
BEGIN
	UPDATE fb_stock SET out_milli = out_milli - OLD.qty_milli
	WHERE branch_id = (SELECT branch_id FROM fb_distribution
			   WHERE id = OLD.distribution_id)
	  AND category = OLD.category AND unit = OLD.unit;
	INSERT INTO fb_stock (branch_id, category, unit, out_milli)
	VALUES ((SELECT branch_id FROM fb_distribution
		 WHERE id = NEW.distribution_id),
		NEW.category, NEW.unit, NEW.qty_milli)
	ON CONFLICT DO UPDATE SET out_milli = out_milli + excluded.out_milli;
END;

-- A donation or distribution moved to another branch takes its items along.
CREATE TRIGGER fb_stock_donation_branch AFTER UPDATE OF branch_id ON fb_donation
BEGIN
	UPDATE fb_stock SET in_milli = in_milli - coalesce((
		SELECT sum(i.qty_milli) FROM fb_donation_item i
		WHERE i.donation_id = NEW.id AND i.category = fb_stock.category
		  AND i.unit = fb_stock.unit), 0)
	WHERE branch_id = OLD.branch_id;
	INSERT INTO fb_stock (branch_id, category, unit, in_milli)
	SELECT NEW.branch_id, category, unit, sum(qty_milli)
	FROM fb_donation_item WHERE donation_id = NEW.id
	GROUP BY category, unit
	ON CONFLICT DO UPDATE SET in_milli = in_milli + excluded.in_milli;
END;
CREATE TRIGGER fb_stock_distribution_branch
AFTER UPDATE OF branch_id ON fb_distribution
BEGIN
	UPDATE fb_stock SET out_milli = out_milli - coalesce((
		SELECT sum(i.qty_milli) FROM fb_distribution_item i
		WHERE i.distribution_id = NEW.id
		  AND i.category = fb_stock.category
		  AND i.unit = fb_stock.unit), 0)
	WHERE branch_id = OLD.branch_id;
	INSERT INTO fb_stock (branch_id, category, unit, out_milli)
	SELECT NEW.branch_id, category, unit, sum(qty_milli)
	FROM fb_distribution_item WHERE distribution_id = NEW.id
	GROUP BY category, unit
	ON CONFLICT DO UPDATE SET out_milli = out_milli + excluded.out_milli;
END;
