-- Affiliates: the affiliates, their referral links, every visit of /r/{code}, and visitors.
-- Times are UTC DATETIME(6). Commissions, payouts and fraud alerts come in later migrations.

CREATE TABLE affiliate (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code              VARCHAR(20)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    mobile            VARCHAR(20)  NOT NULL,
    email             VARCHAR(254) NULL,
    telegram_user_id  BIGINT       NULL,
    status            VARCHAR(12)  NOT NULL,
    status_reason     VARCHAR(500) NULL,
    payout_details    VARCHAR(500) NULL,
    plan_id           BIGINT       NULL,
    recruited_by      BIGINT       NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    approved_at       DATETIME(6)  NULL,
    CONSTRAINT uq_affiliate_code UNIQUE (code),
    CONSTRAINT uq_affiliate_mobile UNIQUE (mobile),
    CONSTRAINT uq_affiliate_telegram UNIQUE (telegram_user_id),
    CONSTRAINT fk_affiliate_recruiter FOREIGN KEY (recruited_by) REFERENCES affiliate (id),
    CONSTRAINT ck_affiliate_status CHECK (status IN ('PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED')),
    INDEX ix_affiliate_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A tracked link: <public-base-url>/r/<code> redirects to target_url with the UTM parameters and ref=<affiliate code>.
CREATE TABLE affiliate_link (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    affiliate_id  BIGINT        NOT NULL,
    code          VARCHAR(20)   NOT NULL,
    campaign      VARCHAR(100)  NOT NULL,
    target_url    VARCHAR(2000) NOT NULL,
    utm_source    VARCHAR(100)  NOT NULL,
    utm_medium    VARCHAR(100)  NOT NULL,
    utm_campaign  VARCHAR(100)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_affiliate_link_code UNIQUE (code),
    CONSTRAINT fk_affiliate_link_affiliate FOREIGN KEY (affiliate_id) REFERENCES affiliate (id),
    INDEX ix_affiliate_link_affiliate (affiliate_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every visit of /r/{code}, written in group commits before the redirect is answered. visit_key (random, one per
-- request) makes a retried batch insert each visit once. counted: a click (GET of a known link by a non-bot);
-- HEAD requests, bots and orphans (unknown codes: link_id NULL) are recorded but not counted. Unique clicks are
-- counted clicks distinct by (link_id, visitor_id, hour_bucket): one per visitor per link per clock hour (UTC).
-- No foreign keys: a click is never refused, and the table only grows. Keys are ASCII, compared byte for byte;
-- visit_key starts with the time, so inserts land at the end of its index. Orphans are found by
-- ix_affiliate_click_affiliate (affiliate_id NULL).
CREATE TABLE affiliate_click (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_key     CHAR(22)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    link_id       BIGINT        NULL,
    affiliate_id  BIGINT        NULL,
    code          VARCHAR(64)   NOT NULL,
    method        VARCHAR(4)    NOT NULL,
    clicked_at    DATETIME(6)   NOT NULL,
    hour_bucket   BIGINT        NOT NULL,
    visitor_id    CHAR(22)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    new_visitor   BOOLEAN       NOT NULL,
    ip            VARCHAR(45)   NULL,
    user_agent    VARCHAR(500)  NULL,
    device_type   VARCHAR(20)   NOT NULL,
    os            VARCHAR(60)   NULL,
    browser       VARCHAR(60)   NULL,
    bot           BOOLEAN       NOT NULL,
    referrer      VARCHAR(1000) NULL,
    country       CHAR(2)       NULL,
    region        VARCHAR(100)  NULL,
    city          VARCHAR(100)  NULL,
    counted       BOOLEAN       NOT NULL,
    CONSTRAINT uq_affiliate_click_visit UNIQUE (visit_key),
    INDEX ix_affiliate_click_affiliate (affiliate_id, clicked_at),
    INDEX ix_affiliate_click_visitor (visitor_id, clicked_at),
    INDEX ix_affiliate_click_ip (ip, clicked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A browser known by its lh_vid cookie, with its first and last counted click (for first- or last-touch
-- attribution). customer_id is set when the visitor becomes known as a customer.
CREATE TABLE affiliate_visitor (
    id                  CHAR(22)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    first_seen_at       DATETIME(6) NOT NULL,
    last_seen_at        DATETIME(6) NOT NULL,
    first_link_id       BIGINT      NOT NULL,
    first_affiliate_id  BIGINT      NOT NULL,
    last_link_id        BIGINT      NOT NULL,
    last_affiliate_id   BIGINT      NOT NULL,
    customer_id         BIGINT      NULL,
    INDEX ix_affiliate_visitor_customer (customer_id),
    INDEX ix_affiliate_visitor_last (last_affiliate_id, last_seen_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
