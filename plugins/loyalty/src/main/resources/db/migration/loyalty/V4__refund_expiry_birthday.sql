-- A cancelled voucher refunds points that expire when the spent points would have, not a year later.
ALTER TABLE loyalty_voucher ADD COLUMN points_expire_at DATETIME(6) NULL;
-- The birthday bonus is given once a year, whatever the number of bills that day.
ALTER TABLE loyalty_customer ADD COLUMN birthday_bonus_year SMALLINT NULL;
