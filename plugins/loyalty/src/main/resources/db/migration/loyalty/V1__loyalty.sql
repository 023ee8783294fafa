-- Loyalty: customers, the points ledger, bills, rules and tiers. Times are UTC DATETIME(6).

CREATE TABLE loyalty_customer (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    mobile          VARCHAR(20)  NOT NULL,
    name            VARCHAR(200) NULL,
    birth_month     TINYINT      NULL,
    birth_day       TINYINT      NULL,
    birth_year      SMALLINT     NULL,
    language        VARCHAR(10)  NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    tier_code       VARCHAR(30)  NULL,
    tier_since      DATETIME(6)  NULL,
    consent_at      DATETIME(6)  NULL,
    consent_source  VARCHAR(20)  NULL,
    -- Cached balances of the customer's two accounts, changed only together with their entries.
    -- The row is also the lock that serialises all point movements of one customer.
    wallet          BIGINT       NOT NULL DEFAULT 0,
    pending         BIGINT       NOT NULL DEFAULT 0,
    lifetime_earned BIGINT       NOT NULL DEFAULT 0,
    -- Points a reversal could not take back (already spent), settled from future points.
    owed            BIGINT       NOT NULL DEFAULT 0,
    joined_at       DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_loyalty_customer_mobile UNIQUE (mobile),
    CONSTRAINT ck_loyalty_customer_balances CHECK (wallet >= 0 AND pending >= 0 AND owed >= 0),
    INDEX ix_loyalty_customer_name (name),
    INDEX ix_loyalty_customer_tier (tier_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE loyalty_kid (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    birth_month  TINYINT      NOT NULL,
    birth_day    TINYINT      NOT NULL,
    birth_year   SMALLINT     NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_loyalty_kid_customer FOREIGN KEY (customer_id) REFERENCES loyalty_customer (id),
    INDEX ix_loyalty_kid_birthday (birth_month, birth_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Double entry: a transfer moves points between two accounts and has one entry on each (-n, +n).
-- Accounts: WALLET and PENDING of a customer; ISSUED, REDEEMED, EXPIRED, ADJUSTMENT of the system.
-- Immutable once written; idem_key makes every movement happen at most once.
CREATE TABLE loyalty_transfer (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idem_key      VARCHAR(190) NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    customer_id   BIGINT       NOT NULL,
    from_account  VARCHAR(12)  NOT NULL,
    to_account    VARCHAR(12)  NOT NULL,
    points        BIGINT       NOT NULL,
    reason        VARCHAR(300) NOT NULL,
    cause         VARCHAR(150) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_loyalty_transfer_key UNIQUE (idem_key),
    CONSTRAINT ck_loyalty_transfer_points CHECK (points > 0),
    INDEX ix_loyalty_transfer_customer (customer_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE loyalty_entry (
    transfer_id  BIGINT      NOT NULL,
    account      VARCHAR(12) NOT NULL,
    customer_id  BIGINT      NULL, -- null for system accounts
    amount       BIGINT      NOT NULL,
    PRIMARY KEY (transfer_id, account),
    INDEX ix_loyalty_entry_account (customer_id, account)
) ENGINE=InnoDB;

-- Earned points as lots: each expires on its own; spending takes the oldest first.
CREATE TABLE loyalty_lot (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT      NOT NULL,
    transfer_id   BIGINT      NOT NULL,
    bill_number   VARCHAR(64) NULL,
    points        BIGINT      NOT NULL,
    remaining     BIGINT      NOT NULL,
    expired       BIGINT      NOT NULL DEFAULT 0,
    pending       BOOLEAN     NOT NULL,
    earned_at     DATETIME(6) NOT NULL,
    available_at  DATETIME(6) NOT NULL,
    expires_at    DATETIME(6) NULL,
    warned_at     DATETIME(6) NULL,
    CONSTRAINT ck_loyalty_lot_remaining CHECK (remaining >= 0 AND remaining <= points),
    INDEX ix_loyalty_lot_spend (customer_id, pending, earned_at),
    INDEX ix_loyalty_lot_release (pending, available_at),
    INDEX ix_loyalty_lot_expiry (expires_at),
    INDEX ix_loyalty_lot_bill (bill_number)
) ENGINE=InnoDB;

-- Every bill posted: its number is its idempotency key; the answer is kept for replays.
CREATE TABLE loyalty_bill (
    bill_number      VARCHAR(64)   NOT NULL PRIMARY KEY,
    request_hash     CHAR(64)      NOT NULL,
    customer_id      BIGINT        NOT NULL,
    store_id         VARCHAR(40)   NULL,
    billed_at        DATETIME(6)   NOT NULL,
    amount           DECIMAL(14,2) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    points_earned    BIGINT        NOT NULL,
    points_pending   BIGINT        NOT NULL,
    lot_id           BIGINT        NULL,
    applied_rules    TEXT          NULL,
    coupon_code      VARCHAR(64)   NULL,
    affiliate_code   VARCHAR(64)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    reversed_at      DATETIME(6)   NULL,
    reversal_reason  VARCHAR(300)  NULL,
    INDEX ix_loyalty_bill_customer (customer_id, billed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE loyalty_tier (
    code        VARCHAR(30)  NOT NULL PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL,
    tier_rank   INT          NOT NULL,
    threshold   BIGINT       NOT NULL,
    multiplier  DECIMAL(6,3) NOT NULL,
    benefits    VARCHAR(500) NULL,
    CONSTRAINT uq_loyalty_tier_rank UNIQUE (tier_rank)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO loyalty_tier (code, name, tier_rank, threshold, multiplier, benefits) VALUES
    ('SILVER', 'Silver', 1, 0, 1.000, 'Earn points on every bill'),
    ('GOLD', 'Gold', 2, 5000, 1.250, '25% more points, Gold rewards'),
    ('PLATINUM', 'Platinum', 3, 20000, 1.500, '50% more points, all rewards');

CREATE TABLE loyalty_tier_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    from_tier    VARCHAR(30)  NULL,
    to_tier      VARCHAR(30)  NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    INDEX ix_loyalty_tier_change_customer (customer_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Earning rules are data: type plus JSON parameters, editable at run time.
CREATE TABLE loyalty_rule (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    rule_type   VARCHAR(30)   NOT NULL,
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    params      VARCHAR(2000) NOT NULL,
    valid_from  DATETIME(6)   NULL,
    valid_to    DATETIME(6)   NULL,
    updated_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO loyalty_rule (name, rule_type, active, params, updated_at) VALUES
    ('1 point per 100 spent', 'BASE_RATE', TRUE, '{"pointsPerUnit":"0.01","rounding":"FLOOR","minimumBill":"0"}', UTC_TIMESTAMP(6)),
    ('First purchase bonus', 'BONUS', TRUE, '{"event":"FIRST_PURCHASE","points":50}', UTC_TIMESTAMP(6)),
    ('Sign-up bonus', 'BONUS', TRUE, '{"event":"SIGN_UP","points":100}', UTC_TIMESTAMP(6));
