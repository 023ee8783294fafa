-- WhatsApp's business-scoped user ids (BSUID, e.g. US.13491208655302741918 or US.ENT.1181...: up to
-- 2 + 5 + 128 characters) key users whose phone number is not visible.
ALTER TABLE chat_conversation MODIFY user_id VARCHAR(160) NOT NULL;
ALTER TABLE chat_inbound MODIFY user_id VARCHAR(160) NOT NULL;
ALTER TABLE chat_outbound MODIFY user_id VARCHAR(160) NOT NULL;

-- What each BSUID is known to stand for: learned from a message that carried both, or from the
-- user sharing their own number on request. A BSUID-only message of a linked user is keyed by the number.
CREATE TABLE chat_user_link (
    channel    VARCHAR(20)  NOT NULL,
    user_id    VARCHAR(160) NOT NULL,
    phone      VARCHAR(20)  NOT NULL,
    linked_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (channel, user_id),
    INDEX ix_chat_user_link_phone (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
