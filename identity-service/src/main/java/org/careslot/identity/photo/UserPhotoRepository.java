package org.careslot.identity.photo;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code user_photo} through plain SQL rather than an entity: an upsert is the one correct way to "replace on
 * re-upload" under concurrent uploads (find-then-insert races into a primary-key violation), the bytes can be
 * streamed into the statement instead of living in an entity field, and reads are split into metadata and bytes so
 * that ETag checks and photo URLs never load up to 5 MB they do not need.
 */
@Repository
class UserPhotoRepository {

    /** The photo without its bytes. */
    record PhotoVersion(String contentType, int sizeBytes, String sha256) {
    }

    /** A stored photo, bytes included; {@code sha256} is the digest of exactly these bytes. */
    record StoredPhoto(String contentType, byte[] content, String sha256) {
    }

    private final JdbcClient jdbc;

    UserPhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code content} (the bytes {@code photo} describes) as the user's photo, replacing any previous one, if
     * and only if the user exists and is active; check and write are one statement, so a user deactivated meanwhile
     * cannot slip through. The bytes are streamed to PostgreSQL, never held in the heap as a whole.
     *
     * @return false when there is no such active user (nothing was written)
     */
    boolean saveForActiveUser(UUID userId, CheckedPhoto photo, InputStream content) {
        SqlTypeValue streamed = (statement, index, sqlType, typeName) ->
                statement.setBinaryStream(index, content, photo.sizeBytes());
        int rows = jdbc.sql("""
                        INSERT INTO user_photo (user_id, content_type, content, size_bytes, sha256, updated_at)
                        SELECT u.id, :contentType, :content, :size, :sha256, now()
                        FROM app_user u WHERE u.id = :user AND u.is_active
                        ON CONFLICT (user_id) DO UPDATE SET
                            content_type = EXCLUDED.content_type, content = EXCLUDED.content,
                            size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, updated_at = EXCLUDED.updated_at
                        """)
                .param("user", userId)
                .param("contentType", photo.format().contentType())
                .param("content", streamed)
                .param("size", photo.sizeBytes())
                .param("sha256", photo.sha256())
                .update();
        return rows == 1;
    }

    Optional<PhotoVersion> versionOf(UUID userId) {
        return jdbc.sql("SELECT content_type, size_bytes, sha256 FROM user_photo WHERE user_id = :user")
                .param("user", userId)
                .query(PhotoVersion.class)
                .optional();
    }

    /** The digest of each given user's photo; users without one are absent. Meant for a page of users. */
    Map<UUID, String> sha256Of(Collection<UUID> userIds) {
        Map<UUID, String> digests = new HashMap<>();
        if (userIds.isEmpty()) {
            return digests;
        }
        jdbc.sql("SELECT user_id, sha256 FROM user_photo WHERE user_id IN (:users)")
                .param("users", List.copyOf(userIds))
                .query((rs, row) -> digests.put(rs.getObject("user_id", UUID.class), rs.getString("sha256")))
                .list();
        return digests;
    }

    Optional<StoredPhoto> find(UUID userId) {
        return jdbc.sql("SELECT content_type, content, sha256 FROM user_photo WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new StoredPhoto(rs.getString("content_type"), rs.getBytes("content"),
                        rs.getString("sha256")))
                .optional();
    }
}
