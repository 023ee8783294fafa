-- Templates: one per trigger, channel and language, with the WhatsApp template it maps to for sends outside the
-- 24-hour window. Configuration-like data, kept through Hibernate. version counts the saves; every save is kept in
-- notify_template_version, and every message records the version it used.
CREATE TABLE notify_template (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trigger_id  VARCHAR(40)  NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    language    VARCHAR(8)   NOT NULL,
    version     INT          NOT NULL,
    body        TEXT         NOT NULL,
    wa_name     VARCHAR(512) NULL,
    wa_language VARCHAR(15)  NULL,
    wa_category VARCHAR(20)  NOT NULL,
    wa_params   VARCHAR(1000) NOT NULL DEFAULT '',
    updated_at  DATETIME(3)  NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    UNIQUE KEY uq_notify_template (trigger_id, channel, language)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notify_template_version (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    template_id BIGINT       NOT NULL,
    version     INT          NOT NULL,
    body        TEXT         NOT NULL,
    wa_name     VARCHAR(512) NULL,
    wa_language VARCHAR(15)  NULL,
    wa_category VARCHAR(20)  NOT NULL,
    wa_params   VARCHAR(1000) NOT NULL DEFAULT '',
    saved_at    DATETIME(3)  NOT NULL,
    saved_by    VARCHAR(100) NOT NULL,
    UNIQUE KEY uq_notify_template_version (template_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every notification: written in the transaction of the event it answers (dedup_key makes a redelivered event write
-- nothing), then composed and handed to the channels' outbound queue by the dispatcher. Plain SQL: it is the log
-- and the queue, read by filters and counted per trigger.
--   status: PENDING (waiting to be composed; due_at later during quiet hours), DISPATCHING (claimed; lease_until),
--           QUEUED, HELD, SENT, DELIVERED, READ, FAILED (the channel's error_code), REFUSED (reason: why it may not
--           go, e.g. no consent, no approved template outside the window), SKIPPED (nothing to say any more)
CREATE TABLE notify_message (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedup_key        VARCHAR(190) NOT NULL,
    event_id         VARCHAR(64)  NULL,
    trigger_id       VARCHAR(40)  NOT NULL,
    recipient_kind   VARCHAR(10)  NOT NULL,
    recipient_id     BIGINT       NOT NULL,
    channel          VARCHAR(20)  NOT NULL,
    user_id          VARCHAR(160) NULL,
    language         VARCHAR(8)   NULL,
    category         VARCHAR(12)  NULL,
    variables        TEXT         NOT NULL,
    store_id         VARCHAR(40)  NULL,
    status           VARCHAR(12)  NOT NULL,
    reason           VARCHAR(500) NULL,
    template_id      BIGINT       NULL,
    template_version INT          NULL,
    as_template      BOOLEAN      NOT NULL DEFAULT FALSE,
    text             TEXT         NULL,
    outbound_id      BIGINT       NULL,
    error_code       VARCHAR(20)  NULL,
    retries          INT          NOT NULL DEFAULT 0,
    due_at           DATETIME(3)  NOT NULL,
    lease_until      DATETIME(3)  NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    queued_at        DATETIME(3)  NULL,
    checked_at       DATETIME(3)  NULL,
    UNIQUE KEY uq_notify_message (dedup_key),
    KEY ix_notify_message_due (status, due_at),
    KEY ix_notify_message_created (created_at),
    KEY ix_notify_message_recipient (recipient_kind, recipient_id, created_at),
    KEY ix_notify_message_trigger (trigger_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Vouchers issued and not yet used or cancelled, for the reminder three days before they expire.
CREATE TABLE notify_voucher (
    code        VARCHAR(64)  NOT NULL PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    reward_name VARCHAR(200) NOT NULL,
    expires_at  DATETIME(3)  NOT NULL,
    reminded_at DATETIME(3)  NULL,
    KEY ix_notify_voucher_expiry (reminded_at, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
