-- Rewards and the vouchers redeeming them; promo codes; achievements.

CREATE TABLE loyalty_reward (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(120)  NOT NULL,
    description         VARCHAR(1000) NULL,
    points_cost         BIGINT        NOT NULL,
    stock               INT           NULL, -- null: unlimited
    redeemed            BIGINT        NOT NULL DEFAULT 0,
    valid_from          DATETIME(6)   NULL,
    valid_to            DATETIME(6)   NULL,
    min_tier            VARCHAR(30)   NULL,
    per_customer_limit  INT           NULL,
    voucher_days        INT           NOT NULL DEFAULT 30,
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT ck_loyalty_reward CHECK (points_cost > 0 AND (stock IS NULL OR stock >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE loyalty_voucher (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(20)  NOT NULL,
    redeem_key    VARCHAR(150) NOT NULL,
    customer_id   BIGINT       NOT NULL,
    reward_id     BIGINT       NOT NULL,
    points_cost   BIGINT       NOT NULL,
    transfer_id   BIGINT       NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    issued_at     DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    used_at       DATETIME(6)  NULL,
    used_store    VARCHAR(40)  NULL,
    cancelled_at  DATETIME(6)  NULL,
    CONSTRAINT uq_loyalty_voucher_code UNIQUE (code),
    CONSTRAINT uq_loyalty_voucher_key UNIQUE (redeem_key),
    INDEX ix_loyalty_voucher_customer (customer_id, reward_id),
    INDEX ix_loyalty_voucher_expiry (status, expires_at)
) ENGINE=InnoDB;

CREATE TABLE loyalty_coupon_batch (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    value       DECIMAL(12,2) NOT NULL,
    min_bill    DECIMAL(14,2) NOT NULL DEFAULT 0,
    max_uses    INT           NOT NULL,
    valid_from  DATETIME(6)   NULL,
    valid_to    DATETIME(6)   NULL,
    issued_to   VARCHAR(20)   NULL,
    created_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE loyalty_coupon (
    code      VARCHAR(40) NOT NULL PRIMARY KEY,
    batch_id  BIGINT      NOT NULL,
    uses      INT         NOT NULL DEFAULT 0,
    INDEX ix_loyalty_coupon_batch (batch_id)
) ENGINE=InnoDB;

CREATE TABLE loyalty_coupon_use (
    code         VARCHAR(40) NOT NULL,
    bill_number  VARCHAR(64) NOT NULL,
    customer_id  BIGINT      NOT NULL,
    used_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (code, bill_number)
) ENGINE=InnoDB;

CREATE TABLE loyalty_badge (
    customer_id  BIGINT      NOT NULL,
    code         VARCHAR(40) NOT NULL,
    unlocked_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, code)
) ENGINE=InnoDB;
