-- Commissions: plans, attribution (touches and the bills seen), commissions with their lifecycle, payouts,
-- adjustments, fraud alerts. Money is DECIMAL(14,2) in the plugin's currency; times are UTC DATETIME(6).
-- Every money movement of an affiliate first locks that affiliate's row (SELECT ... FOR UPDATE), so commissions,
-- approvals, reversals and payouts of one affiliate are serialised.

-- A commission plan: JSON params validated by the plugin (type PERCENT, FLAT, TIERED or CATEGORY, recurring limits,
-- level-two share, caps). affiliate.plan_id names one; NULL means the default plan from the settings.
CREATE TABLE affiliate_plan (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    params      TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_affiliate_plan_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A touch: the customer met the affiliate (joined with their code or link, or a bill carried it). Bills without a
-- code of their own are attributed to a touch in the attribution window (first or last touch by the settings).
CREATE TABLE affiliate_touch (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT       NOT NULL,
    affiliate_id  BIGINT       NOT NULL,
    link_id       BIGINT       NULL,
    source        VARCHAR(8)   NOT NULL,
    ref           VARCHAR(64)  NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    touched_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_affiliate_touch UNIQUE (customer_id, source, ref),
    CONSTRAINT ck_affiliate_touch_source CHECK (source IN ('JOIN', 'BILL')),
    INDEX ix_affiliate_touch_customer (customer_id, touched_at),
    INDEX ix_affiliate_touch_affiliate (affiliate_id, touched_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every bill the loyalty plugin processed, as this plugin saw it (so a touch that arrives after its bill still
-- attributes it). The primary key makes a bill count once however often its event comes.
CREATE TABLE affiliate_bill (
    bill_number     VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_id     BIGINT        NOT NULL,
    mobile          VARCHAR(20)   NULL,
    billed_at       DATETIME(6)   NOT NULL,
    processed_at    DATETIME(6)   NOT NULL,
    amount          DECIMAL(14,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    lines_json      TEXT          NULL,
    coupon_code     VARCHAR(64)   NULL,
    affiliate_code  VARCHAR(64)   NULL,
    affiliate_id    BIGINT        NULL,
    touch_id        BIGINT        NULL,
    attributed_at   DATETIME(6)   NULL,
    reversed_at     DATETIME(6)   NULL,
    INDEX ix_affiliate_bill_customer (customer_id, processed_at),
    INDEX ix_affiliate_bill_affiliate (affiliate_id, billed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reversals seen, also when the reversal's event comes before the bill's.
CREATE TABLE affiliate_bill_reversal (
    bill_number  VARCHAR(64)  NOT NULL PRIMARY KEY,
    reason       VARCHAR(300) NULL,
    reversed_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE affiliate_payout (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    affiliate_id    BIGINT        NOT NULL,
    amount          DECIMAL(14,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    requested_by    VARCHAR(120)  NOT NULL,
    paid_at         DATETIME(6)   NULL,
    paid_by         VARCHAR(120)  NULL,
    method          VARCHAR(60)   NULL,
    reference       VARCHAR(200)  NULL,
    proof_file      VARCHAR(500)  NULL,
    note            VARCHAR(500)  NULL,
    -- the affiliate's id while REQUESTED, else NULL: at most one open payout per affiliate
    open_affiliate  BIGINT        NULL,
    CONSTRAINT uq_affiliate_payout_open UNIQUE (open_affiliate),
    CONSTRAINT fk_affiliate_payout_affiliate FOREIGN KEY (affiliate_id) REFERENCES affiliate (id),
    CONSTRAINT ck_affiliate_payout_status CHECK (status IN ('REQUESTED', 'PAID', 'REJECTED')),
    CONSTRAINT ck_affiliate_payout_amount CHECK (amount > 0),
    INDEX ix_affiliate_payout_affiliate (affiliate_id, id),
    INDEX ix_affiliate_payout_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE affiliate_fraud_alert (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule          VARCHAR(100) NOT NULL,
    trigger_kind  VARCHAR(12)  NOT NULL,
    -- the same finding (rule and key, e.g. affiliate, IP and hour) is raised once
    dedup_key     VARCHAR(200) NOT NULL,
    affiliate_id  BIGINT       NULL,
    customer_id   BIGINT       NULL,
    subject       VARCHAR(100) NOT NULL,
    summary       VARCHAR(500) NOT NULL,
    evidence      TEXT         NOT NULL,
    holding       BOOLEAN      NOT NULL,
    raised_at     DATETIME(6)  NOT NULL,
    resolved_at   DATETIME(6)  NULL,
    resolved_by   VARCHAR(120) NULL,
    confirmed     BOOLEAN      NULL,
    note          VARCHAR(500) NULL,
    CONSTRAINT uq_affiliate_fraud_alert UNIQUE (rule, dedup_key),
    INDEX ix_affiliate_fraud_alert_open (resolved_at, id),
    INDEX ix_affiliate_fraud_alert_affiliate (affiliate_id, resolved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Commission on one bill for one affiliate: level 1 the affiliate the bill is attributed to, level 2 their recruiter.
-- PENDING (hold_until) -> APPROVED -> PAID (payout_id set when a payout is requested, PAID when it is paid);
-- REJECTED; REVERSED when the bill is reversed. held_by: an open fraud alert keeps it PENDING.
CREATE TABLE affiliate_commission (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    affiliate_id  BIGINT        NOT NULL,
    bill_number   VARCHAR(64)   NOT NULL,
    customer_id   BIGINT        NOT NULL,
    level         TINYINT       NOT NULL,
    bill_amount   DECIMAL(14,2) NOT NULL,
    amount        DECIMAL(14,2) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    reason        VARCHAR(500)  NULL,
    plan_id       BIGINT        NULL,
    calculation   VARCHAR(1000) NOT NULL,
    billed_at     DATETIME(6)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    hold_until    DATETIME(6)   NOT NULL,
    decided_at    DATETIME(6)   NULL,
    decided_by    VARCHAR(120)  NULL,
    held_by       BIGINT        NULL,
    payout_id     BIGINT        NULL,
    CONSTRAINT uq_affiliate_commission_bill UNIQUE (bill_number, level),
    CONSTRAINT fk_affiliate_commission_affiliate FOREIGN KEY (affiliate_id) REFERENCES affiliate (id),
    CONSTRAINT fk_affiliate_commission_payout FOREIGN KEY (payout_id) REFERENCES affiliate_payout (id),
    CONSTRAINT fk_affiliate_commission_alert FOREIGN KEY (held_by) REFERENCES affiliate_fraud_alert (id),
    CONSTRAINT ck_affiliate_commission_status CHECK (status IN ('PENDING', 'APPROVED', 'PAID', 'REJECTED', 'REVERSED')),
    CONSTRAINT ck_affiliate_commission_amount CHECK (amount > 0),
    CONSTRAINT ck_affiliate_commission_level CHECK (level IN (1, 2)),
    INDEX ix_affiliate_commission_affiliate (affiliate_id, status, id),
    INDEX ix_affiliate_commission_due (status, hold_until),
    INDEX ix_affiliate_commission_status (status, id),
    INDEX ix_affiliate_commission_payout (payout_id),
    INDEX ix_affiliate_commission_held (held_by),
    INDEX ix_affiliate_commission_month (affiliate_id, billed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A commission reversed after it was paid: a negative amount the affiliate's next payout nets.
CREATE TABLE affiliate_adjustment (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    affiliate_id   BIGINT        NOT NULL,
    commission_id  BIGINT        NOT NULL,
    amount         DECIMAL(14,2) NOT NULL,
    currency       CHAR(3)       NOT NULL,
    reason         VARCHAR(500)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    payout_id      BIGINT        NULL,
    CONSTRAINT uq_affiliate_adjustment_commission UNIQUE (commission_id),
    CONSTRAINT fk_affiliate_adjustment_commission FOREIGN KEY (commission_id) REFERENCES affiliate_commission (id),
    CONSTRAINT fk_affiliate_adjustment_payout FOREIGN KEY (payout_id) REFERENCES affiliate_payout (id),
    INDEX ix_affiliate_adjustment_open (affiliate_id, payout_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What fraud rules know about an affiliate's own IPs and devices (visitor ids), for self-referral.
CREATE TABLE affiliate_fingerprint (
    affiliate_id  BIGINT      NOT NULL,
    kind          VARCHAR(8)  NOT NULL,
    value         VARCHAR(64) NOT NULL,
    seen_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (affiliate_id, kind, value),
    CONSTRAINT ck_affiliate_fingerprint_kind CHECK (kind IN ('IP', 'DEVICE')),
    INDEX ix_affiliate_fingerprint_value (kind, value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rewards redeemed (from the loyalty plugin's events), for the redemption-pattern rule.
CREATE TABLE affiliate_redemption (
    voucher_code  VARCHAR(40) NOT NULL PRIMARY KEY,
    customer_id   BIGINT      NOT NULL,
    device        VARCHAR(64) NULL,
    redeemed_at   DATETIME(6) NOT NULL,
    INDEX ix_affiliate_redemption_customer (customer_id, redeemed_at),
    INDEX ix_affiliate_redemption_device (device, redeemed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far the click fraud scan has read affiliate_click (one row).
CREATE TABLE affiliate_fraud_cursor (
    name     VARCHAR(40) NOT NULL PRIMARY KEY,
    last_id  BIGINT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Clicks before this migration are not scanned.
INSERT INTO affiliate_fraud_cursor (name, last_id) SELECT 'clicks', COALESCE(MAX(id), 0) FROM affiliate_click;
