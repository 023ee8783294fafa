-- Bills that were not reversed, counted on the customer row (first purchase, visit badges) so a
-- bill needs no COUNT over the customer's bills.
ALTER TABLE loyalty_customer ADD COLUMN visits INT NOT NULL DEFAULT 0;
UPDATE loyalty_customer c SET visits = (SELECT COUNT(*) FROM loyalty_bill b WHERE b.customer_id = c.id AND b.reversed_at IS NULL);
