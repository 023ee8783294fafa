-- The example ERP schema the "invoices with lines" preset reads (MariaDB/MySQL; for PostgreSQL use TIMESTAMP(3)).
-- modified_at must grow whenever a row is created or changed; the index makes the connector's query cheap.
CREATE TABLE invoices (
    invoice_no    VARCHAR(40)   PRIMARY KEY,
    invoice_date  DATETIME      NOT NULL,
    mobile        VARCHAR(20),
    customer_name VARCHAR(100),
    net_amount    DECIMAL(12,2),
    currency      CHAR(3),
    store_code    VARCHAR(20),
    modified_at   DATETIME(3)   NOT NULL,
    KEY ix_invoices_modified (modified_at, invoice_no)
);
CREATE TABLE invoice_lines (
    invoice_no  VARCHAR(40),
    line_no     INT,
    sku         VARCHAR(40),
    category    VARCHAR(40),
    qty         DECIMAL(10,2),
    line_amount DECIMAL(12,2),
    PRIMARY KEY (invoice_no, line_no)
);
CREATE TABLE returns (
    return_id   INT AUTO_INCREMENT PRIMARY KEY,
    invoice_no  VARCHAR(40),
    reason      VARCHAR(100),
    modified_at DATETIME(3) NOT NULL,
    KEY ix_returns_modified (modified_at, invoice_no)
);
-- a user that can read and nothing else
-- CREATE USER 'loyalty_reader'@'%' IDENTIFIED BY '...'; GRANT SELECT ON erp.* TO 'loyalty_reader'@'%';
