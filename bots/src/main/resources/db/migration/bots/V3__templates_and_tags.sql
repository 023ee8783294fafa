-- What sent an outbound message that is not a reply (e.g. "points-earned v3"), shown in the message history.
ALTER TABLE chat_outbound ADD COLUMN tag VARCHAR(100) NULL;
-- When the channel held the message back (WhatsApp 131049): it is tried once more a day later, never again after.
ALTER TABLE chat_outbound ADD COLUMN held_at DATETIME(3) NULL;

-- The business account's WhatsApp message templates as Meta last reported them (GET message_templates, kept
-- current by the message_template_status_update webhook). parameters: JSON array of the body's parameter names.
CREATE TABLE chat_wa_template (
    name             VARCHAR(512) NOT NULL,
    language         VARCHAR(15)  NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    category         VARCHAR(30)  NOT NULL,
    parameter_format VARCHAR(12)  NOT NULL,
    parameters       TEXT         NOT NULL,
    body             TEXT         NOT NULL,
    reason           VARCHAR(500) NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (name, language)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
