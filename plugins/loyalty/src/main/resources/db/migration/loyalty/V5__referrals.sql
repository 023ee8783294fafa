-- Refer a friend: each customer's personal code (made on first use), and who referred whom.
ALTER TABLE loyalty_customer
    ADD COLUMN referral_code VARCHAR(12) NULL,
    ADD COLUMN referred_by   BIGINT      NULL,
    ADD COLUMN referred_at   DATETIME(6) NULL,
    ADD CONSTRAINT uq_loyalty_customer_referral_code UNIQUE (referral_code),
    ADD INDEX ix_loyalty_customer_referred_by (referred_by);

-- Every consent change (given or withdrawn), when and where. loyalty_customer.consent_at and
-- consent_source keep meaning the latest opt-in; status OPTED_OUT means the latest change withdrew it.
CREATE TABLE loyalty_consent (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT      NOT NULL,
    given        BOOLEAN     NOT NULL,
    source       VARCHAR(20) NOT NULL,
    changed_at   DATETIME(6) NOT NULL,
    INDEX ix_loyalty_consent_customer (customer_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What is known so far: the opt-in of everyone who gave consent.
INSERT INTO loyalty_consent (customer_id, given, source, changed_at)
SELECT id, TRUE, consent_source, consent_at FROM loyalty_customer
WHERE consent_at IS NOT NULL AND consent_source IS NOT NULL ORDER BY id;
-- and, after it, the withdrawal of those who have opted out (when is not known better than their last change).
INSERT INTO loyalty_consent (customer_id, given, source, changed_at)
SELECT id, FALSE, 'before-history', updated_at FROM loyalty_customer WHERE status = 'OPTED_OUT' ORDER BY id;
