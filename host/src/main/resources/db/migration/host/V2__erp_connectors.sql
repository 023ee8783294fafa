-- ERP connector instances (docs/adr/0016-erp-connectors.md). A plugin contributes the type (how to read the ERP);
-- the host keeps each instance: its settings and mapping, its cursor (the source's own text: where the next read
-- starts), its runs and the rows it could not post. Times are DATETIME(6) in UTC.

CREATE TABLE erp_connector (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(100)  NOT NULL,
    type                 VARCHAR(40)   NOT NULL,
    settings             TEXT          NOT NULL,
    mapping              TEXT          NOT NULL,
    -- RUNNING: polls on its interval; PAUSED: only runs when asked (preview, run now, backfill)
    state                VARCHAR(10)   NOT NULL,
    cursor_text          VARCHAR(4000) NULL,
    -- a backfill in progress: where it has got to (survives a restart), and the day it started from
    backfill_cursor      VARCHAR(4000) NULL,
    backfill_from        DATE          NULL,
    -- what staff asked for (RUN, BACKFILL), picked up by the runner
    requested            VARCHAR(10)   NULL,
    next_poll_at         DATETIME(6)   NOT NULL,
    -- one instance of the server runs a connector at a time: the holder renews the lease while it runs
    lease_owner          VARCHAR(100)  NULL,
    lease_until          DATETIME(6)   NULL,
    consecutive_failures INT           NOT NULL DEFAULT 0,
    newest_bill_at       DATETIME(6)   NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    CONSTRAINT uq_erp_connector_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE erp_run (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id   BIGINT        NOT NULL,
    -- POLL, BACKFILL, RETRY
    kind           VARCHAR(10)   NOT NULL,
    -- RUNNING, OK, FAILED
    status         VARCHAR(10)   NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NULL,
    heartbeat_at   DATETIME(6)   NOT NULL,
    rows_read      BIGINT        NOT NULL DEFAULT 0,
    bills_posted   BIGINT        NOT NULL DEFAULT 0,
    duplicates     BIGINT        NOT NULL DEFAULT 0,
    rejected       BIGINT        NOT NULL DEFAULT 0,
    reversals      BIGINT        NOT NULL DEFAULT 0,
    customers      BIGINT        NOT NULL DEFAULT 0,
    -- rows the source said were waiting when the run began (progress); -1 unknown
    expected       BIGINT        NOT NULL DEFAULT -1,
    newest_bill_at DATETIME(6)   NULL,
    error          VARCHAR(2000) NULL,
    CONSTRAINT fk_erp_run_connector FOREIGN KEY (connector_id) REFERENCES erp_connector (id),
    INDEX ix_erp_run_connector (connector_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rows that could not be posted. One per connector and row (a re-read finds it again and writes nothing new);
-- a retry after the mapping or the data is fixed resolves it.
CREATE TABLE erp_reject (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connector_id  BIGINT        NOT NULL,
    run_id        BIGINT        NOT NULL,
    row_ref       VARCHAR(300)  NOT NULL,
    kind          VARCHAR(10)   NOT NULL,
    bill_number   VARCHAR(100)  NULL,
    reason        VARCHAR(1000) NOT NULL,
    row_json      MEDIUMTEXT    NOT NULL,
    -- OPEN, RESOLVED
    status        VARCHAR(10)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 1,
    created_at    DATETIME(6)   NOT NULL,
    resolved_at   DATETIME(6)   NULL,
    CONSTRAINT fk_erp_reject_connector FOREIGN KEY (connector_id) REFERENCES erp_connector (id),
    CONSTRAINT uq_erp_reject_row UNIQUE (connector_id, row_ref),
    INDEX ix_erp_reject_open (connector_id, status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
