-- The marketing opt-in, separate from the consent to be messaged at all: offers go only to customers who said yes
-- to them (START OFFERS, staff, the API), and stop on STOP OFFERS or WhatsApp's own stop (131050, user_preferences).
-- NULL: not opted in. The history keeps every change of both kinds.
ALTER TABLE loyalty_customer ADD COLUMN marketing_at DATETIME(6) NULL;
ALTER TABLE loyalty_consent ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'messages';
ALTER TABLE loyalty_consent MODIFY source VARCHAR(40) NOT NULL;
