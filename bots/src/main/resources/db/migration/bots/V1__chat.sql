-- Conversations, inbound and outbound messages of every channel (whatsapp, telegram, simulator).

-- One row per channel, audience and user: where the conversation is. version guards against two
-- instances answering the same user at once (optimistic: the loser runs its turn again).
CREATE TABLE chat_conversation (
    channel         VARCHAR(20)  NOT NULL,
    audience        VARCHAR(12)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    flow_id         VARCHAR(100) NOT NULL,
    step            VARCHAR(100) NOT NULL DEFAULT '',
    data            TEXT         NOT NULL,
    language        VARCHAR(8)   NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    last_inbound_at DATETIME(3)  NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (channel, audience, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every message received. The unique (channel, message_id) is the deduplication: Meta redelivers
-- for days. status NEW rows are claimed (lease) and answered in order per user.
CREATE TABLE chat_inbound (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel      VARCHAR(20)  NOT NULL,
    audience     VARCHAR(12)  NOT NULL,
    message_id   VARCHAR(128) NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    display_name VARCHAR(200) NOT NULL DEFAULT '',
    kind         VARCHAR(12)  NOT NULL,
    body         TEXT         NOT NULL,
    choice_id    VARCHAR(256) NULL,
    what         VARCHAR(40)  NULL,
    sent_at      DATETIME(3)  NULL,
    received_at  DATETIME(3)  NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    lease_until  DATETIME(3)  NULL,
    processed_at DATETIME(3)  NULL,
    error        VARCHAR(500) NULL,
    UNIQUE KEY uq_chat_inbound (channel, message_id),
    KEY ix_chat_inbound_todo (status, id),
    KEY ix_chat_inbound_user (channel, user_id, id),
    KEY ix_chat_inbound_history (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every message sent: the persistent queue and the delivery log. idempotency_key makes a reply
-- queued once per inbound message; provider_id (the WhatsApp wamid) matches status webhooks.
CREATE TABLE chat_outbound (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(20)   NOT NULL,
    user_id         VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(190)  NOT NULL,
    reply           MEDIUMTEXT    NOT NULL,
    fallback        TEXT          NULL,
    summary         VARCHAR(1000) NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    lease_until     DATETIME(3)   NULL,
    as_template     BOOLEAN       NOT NULL DEFAULT FALSE,
    provider_id     VARCHAR(128)  NULL,
    error_code      VARCHAR(20)   NULL,
    error_title     VARCHAR(500)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    status_at       DATETIME(3)   NOT NULL,
    UNIQUE KEY uq_chat_outbound_key (idempotency_key),
    UNIQUE KEY uq_chat_outbound_provider (channel, provider_id),
    KEY ix_chat_outbound_due (channel, status, next_attempt_at),
    KEY ix_chat_outbound_user (channel, user_id, id),
    KEY ix_chat_outbound_history (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
