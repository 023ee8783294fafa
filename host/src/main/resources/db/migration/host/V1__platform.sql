-- The host's own tables. Times are DATETIME(6) in UTC.

CREATE TABLE staff_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   DATETIME(6)  NULL,
    created_at     DATETIME(6)  NOT NULL,
    last_login_at  DATETIME(6)  NULL,
    CONSTRAINT uq_staff_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bearer tokens for staff on the REST API (POST /api/v1/auth/token); only the SHA-256 is kept.
CREATE TABLE staff_token (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    staff_id    BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_staff_token_user FOREIGN KEY (staff_id) REFERENCES staff_user (id),
    INDEX ix_staff_token_expires (expires_at)
) ENGINE=InnoDB;

-- API keys for integrations (ERP, POS); only the SHA-256 of the key is kept.
CREATE TABLE api_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    key_prefix    VARCHAR(16)   NOT NULL,
    key_hash      CHAR(64)      NOT NULL,
    scopes        VARCHAR(2000) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    revoked_at    DATETIME(6)   NULL,
    CONSTRAINT uq_api_key_name UNIQUE (name),
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at           DATETIME(6)  NOT NULL,
    actor        VARCHAR(120) NOT NULL,
    action       VARCHAR(100) NOT NULL,
    entity_type  VARCHAR(60)  NOT NULL,
    entity_id    VARCHAR(100) NULL,
    before_json  MEDIUMTEXT   NULL,
    after_json   MEDIUMTEXT   NULL,
    INDEX ix_audit_at (at),
    INDEX ix_audit_actor_at (actor, at),
    INDEX ix_audit_entity_at (entity_type, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plugin_setting (
    plugin_id      VARCHAR(64)   NOT NULL,
    setting_key    VARCHAR(100)  NOT NULL,
    setting_value  VARCHAR(4000) NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (plugin_id, setting_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transactional outbox: written in the same transaction as the change it describes.
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id       CHAR(36)     NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    aggregate_key  VARCHAR(100) NOT NULL,
    payload        MEDIUMTEXT   NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id),
    INDEX ix_outbox_type_at (event_type, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which listener takes which event type, registered by every instance at start. Kept in the
-- database so an event published on an instance that lacks a listener still reaches it.
CREATE TABLE event_subscription (
    event_type     VARCHAR(100) NOT NULL,
    listener_id    VARCHAR(100) NOT NULL,
    registered_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_type, listener_id)
) ENGINE=InnoDB;

-- One row per event and subscribed listener: what is left to deliver, claimed with SKIP LOCKED.
CREATE TABLE event_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id         CHAR(36)      NOT NULL,
    listener_id      VARCHAR(100)  NOT NULL,
    status           VARCHAR(10)   NOT NULL, -- PENDING, DONE, DEAD
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NOT NULL,
    last_error       VARCHAR(2000) NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT uq_event_delivery UNIQUE (event_id, listener_id),
    INDEX ix_event_delivery_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The exactly-once record: inserted in the same transaction as the listener's effect.
CREATE TABLE applied_event (
    listener_id  VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    applied_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (listener_id, event_id)
) ENGINE=InnoDB;

-- Cluster-safe scheduling: the instance that locks a job's row and finds it due advances it and runs it.
CREATE TABLE job_schedule (
    job_id        VARCHAR(100)  NOT NULL PRIMARY KEY,
    next_due_at   DATETIME(6)   NOT NULL,
    last_due_at   DATETIME(6)   NULL,
    last_ok_due   DATETIME(6)   NULL,
    last_started  DATETIME(6)   NULL,
    last_finished DATETIME(6)   NULL,
    last_status   VARCHAR(10)   NULL,
    last_error    VARCHAR(2000) NULL,
    last_instance VARCHAR(120)  NULL
) ENGINE=InnoDB;

CREATE TABLE job_run (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_id      VARCHAR(100)  NOT NULL,
    due_at      DATETIME(6)   NOT NULL,
    instance    VARCHAR(120)  NOT NULL,
    started_at  DATETIME(6)   NOT NULL,
    finished_at DATETIME(6)   NULL,
    status      VARCHAR(10)   NOT NULL, -- RUNNING, OK, FAILED
    error       VARCHAR(2000) NULL,
    CONSTRAINT uq_job_run_due UNIQUE (job_id, due_at)
) ENGINE=InnoDB;
