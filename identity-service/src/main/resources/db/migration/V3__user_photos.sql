-- Profile photos (PUT /api/v1/user/me/photo/). One per user, replaced on re-upload. The bytes live in the service's
-- own database: at most 5 MB each and one per user, so no object store is worth running for them, and they are
-- backed up, restored and deleted together with the user they belong to.
CREATE TABLE user_photo (
    user_id      uuid        PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    -- detected from the bytes (magic number), never taken from the client
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    content      bytea       NOT NULL,
    -- = octet_length(content), kept so that metadata reads (ETag checks, URLs) never touch the bytes
    size_bytes   int         NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    -- hex SHA-256 of content: the strong ETag and the cache-busting ?v= of the photo URL
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- bytea values of this size are TOASTed out of line; keep them uncompressed: JPEG and PNG are already compressed,
-- so PostgreSQL would only spend CPU trying
ALTER TABLE user_photo ALTER COLUMN content SET STORAGE EXTERNAL;
