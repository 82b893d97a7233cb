-- firmafon-tokenstore-sql, schema version 1, PostgreSQL. The table name is configurable (R2dbcTokenStore).
CREATE TABLE IF NOT EXISTS firmafon_tokens (
    user_key   VARCHAR(255) PRIMARY KEY,
    token      TEXT         NOT NULL, -- AES-256-GCM, Base64 (nonce and ciphertext)
    token_hash CHAR(64)     NOT NULL, -- SHA-256 of the token's text: what compare-and-set compares
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
