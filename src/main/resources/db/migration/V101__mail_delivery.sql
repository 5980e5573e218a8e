-- One row per mail that reached the SMTP server: the effect it belongs to (a receipt of one submission,
-- the decision notice of one application, ...) and the recipient. A re-delivered event sends only to
-- the recipients without a row. Inserted in the transaction that sends, committed after the SMTP
-- server accepted the mail: a failed send leaves no row.
CREATE TABLE mail_delivery (
    delivery_key text NOT NULL,
    recipient    text NOT NULL,
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (delivery_key, recipient)
);
