-- firmafon-tokenstore-sql, schema version 1, H2. The table name is configurable (R2dbcTokenStore).
CREATE TABLE IF NOT EXISTS firmafon_tokens (
    user_key   VARCHAR(255) PRIMARY KEY,
    token      CLOB         NOT NULL, -- AES-256-GCM, Base64 (nonce and ciphertext)
    token_hash CHAR(64)     NOT NULL, -- SHA-256 of the token's text: what compare-and-set compares
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
