-- Clicks past click-retention-days, aggregated per UTC day and link before their rows are deleted. Figures over
-- a period add these to the rows still kept. link_id and affiliate_id 0: orphan visits (unknown codes).
CREATE TABLE affiliate_click_day (
    day           DATE    NOT NULL,
    link_id       BIGINT  NOT NULL,
    affiliate_id  BIGINT  NOT NULL,
    visits        BIGINT  NOT NULL, -- every recorded visit, HEAD and robots too
    clicks        BIGINT  NOT NULL, -- counted clicks
    uniq          BIGINT  NOT NULL, -- counted clicks, one per visitor, link and clock hour
    bots          BIGINT  NOT NULL,
    PRIMARY KEY (day, link_id),
    INDEX ix_affiliate_click_day_affiliate (affiliate_id, day)
) ENGINE=InnoDB;
