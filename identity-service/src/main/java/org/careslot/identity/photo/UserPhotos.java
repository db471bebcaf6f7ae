package org.careslot.identity.photo;

import org.careslot.identity.photo.UserPhotoRepository.PhotoVersion;
import org.careslot.identity.photo.UserPhotoRepository.StoredPhoto;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' profile photos. The rest of the service (profiles, user lists) only needs {@link #photoUrl(UUID)} and
 * {@link #photoUrls(Collection)}; uploading and serving stay inside this package.
 *
 * <p>URLs are root-relative ({@code /api/v1/user/photos/{id}/?v=1a2b3c4d}): the gateway serves the same path, and
 * the browser resolves it against whichever host it called, so no public host name needs configuring here. The
 * {@code v} parameter (the start of the photo's SHA-256) changes with every new photo, so clients may cache a URL
 * for as long as the response allows and still see a new photo at once: the profile hands out the new URL.
 */
@Service
public class UserPhotos {

    static final String PATH_PREFIX = "/api/v1/user/photos/";

    /** 8 hex digits = 32 bits: enough to tell one user's successive photos apart. */
    private static final int VERSION_LENGTH = 8;

    private final UserPhotoRepository photos;

    UserPhotos(UserPhotoRepository photos) {
        this.photos = photos;
    }

    /** The URL of the user's current photo, or empty when the user has none (or does not exist). */
    public Optional<String> photoUrl(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        return photos.versionOf(userId).map(version -> url(userId, version.sha256()));
    }

    /**
     * {@link #photoUrl(UUID)} for many users in one query (e.g. a page of the admin's user list); users without a
     * photo are absent from the map.
     */
    public Map<UUID, String> photoUrls(Collection<UUID> userIds) {
        Map<UUID, String> urls = new LinkedHashMap<>();
        photos.sha256Of(userIds).forEach((userId, sha256) -> urls.put(userId, url(userId, sha256)));
        return urls;
    }

    /**
     * Checks the upload and makes it the user's photo.
     *
     * @return the URL of the new photo
     * @throws ResourceNotFoundException when the user has no active account here
     */
    String replace(UUID userId, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidFieldsException.of(CheckedPhoto.FIELD, "A JPEG or PNG image is required.");
        }
        if (file.getSize() > CheckedPhoto.MAX_BYTES) {
            // the part's size is known before reading it: no need to read 5 MB to reject it
            throw new PhotoTooLargeException();
        }
        // The part is a temporary file (multipart file-size-threshold 0): it is streamed twice, once to check it and
        // once into the database, so an upload never sits in the heap as a whole.
        CheckedPhoto photo;
        try (InputStream upload = file.getInputStream()) {
            photo = CheckedPhoto.check(upload);
        }
        boolean saved;
        try (InputStream upload = file.getInputStream()) {
            saved = photos.saveForActiveUser(userId, photo, upload);
        }
        if (!saved) {
            // no app_user row yet (registration incomplete) or deactivated: either way, no profile to attach it to
            throw new ResourceNotFoundException("User");
        }
        return url(userId, photo.sha256());
    }

    Optional<PhotoVersion> versionOf(UUID userId) {
        return photos.versionOf(userId);
    }

    Optional<StoredPhoto> find(UUID userId) {
        return photos.find(userId);
    }

    static String url(UUID userId, String sha256) {
        return PATH_PREFIX + userId + "/?v=" + sha256.substring(0, VERSION_LENGTH);
    }
}
