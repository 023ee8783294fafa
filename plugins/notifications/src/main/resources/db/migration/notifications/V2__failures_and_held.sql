-- failures: how often composing or queueing a notification threw (a bug or an outage); after 10 it is REFUSED with
-- the error instead of being tried forever. held_back: WhatsApp held it back once (131049), whatever came of it.
ALTER TABLE notify_message ADD COLUMN failures INT NOT NULL DEFAULT 0;
ALTER TABLE notify_message ADD COLUMN held_back BOOLEAN NOT NULL DEFAULT FALSE;
