package org.careslot.identity.photo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.careslot.identity.photo.UserPhotoRepository.PhotoVersion;
import org.careslot.identity.photo.UserPhotoRepository.StoredPhoto;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Upload of one's own profile photo and public serving of everyone's. Mapped without the trailing slash: the
 * platform's filter strips it, so {@code /me/photo/} and {@code /me/photo} both land here.
 */
@RestController
@RequestMapping("/api/v1/user")
@Tag(name = "Profile photos", description = "JPEG or PNG, at most 5 MB and 8000 × 8000 pixels. The type is decided "
        + "by the file's content (magic number, decodable header), never by its name or the Content-Type of the part.")
class UserPhotoController {

    // a photo URL changes with the photo (?v=...), so an hour of caching never shows a stale photo for long, and
    // revalidation after that is a cheap 304 thanks to the ETag
    private static final String CACHE_AN_HOUR = "public, max-age=3600";

    private final UserPhotos photos;

    UserPhotoController(UserPhotos photos) {
        this.photos = photos;
    }

    // No 'consumes': a request without a multipart body must get 400 with errors.file like a form without the
    // file, not a 415 from content negotiation that would blame the image type.
    @PutMapping("/me/photo")
    @Operation(operationId = "uploadMyPhoto", summary = "Upload or replace my profile photo",
            description = "Multipart form with the image in the part `file`. Answers the URL the photo is served "
                    + "at; the URL changes with every new photo.")
    // documented by hand: without 'consumes' (see above) springdoc would describe the body as JSON
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(type = "object", requiredProperties = CheckedPhoto.FIELD),
            schemaProperties = @SchemaProperty(name = CheckedPhoto.FIELD, schema = @Schema(type = "string",
                    format = "binary", description = "JPEG or PNG, at most 5 MB and 8000 × 8000 pixels"))))
    @ApiResponse(responseCode = "200", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PhotoUploadedResponse.class)))
    @ApiResponse(responseCode = "400", description = "`file` missing or empty (`errors.file`), or the image is "
            + "larger than 8000 × 8000 pixels", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "The caller has no active account",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "More than 5 MB",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG image by its content (`errors.file`)",
            content = @Content(mediaType = "application/problem+json"))
    PhotoUploadedResponse upload(@Parameter(hidden = true) CurrentUser caller,
            @Parameter(hidden = true) @RequestPart(name = CheckedPhoto.FIELD, required = false) MultipartFile file)
            throws IOException {
        return new PhotoUploadedResponse(photos.replace(caller.id(), file));
    }

    @GetMapping("/photos/{user_id}")
    @SecurityRequirements // public: <img src> cannot send a bearer token
    @Operation(operationId = "getUserPhoto", summary = "A user's profile photo",
            description = "The image bytes with their type, a strong ETag (the SHA-256) and "
                    + "`Cache-Control: public, max-age=3600`; `If-None-Match` with the current ETag answers 304.")
    @ApiResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "304", description = "Not modified", content = @Content)
    @ApiResponse(responseCode = "404", description = "Unknown user, or the user has no photo",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<byte[]> photo(@PathVariable("user_id") String user,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) List<String> ifNoneMatch) {
        UUID userId = PathIds.parse(user, "Photo");
        if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
            // revalidation is the common case for a cached image: answer it without loading the bytes
            PhotoVersion version = photos.versionOf(userId).orElseThrow(UserPhotoController::noPhoto);
            String etag = etag(version.sha256());
            if (matches(ifNoneMatch, etag)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                        .eTag(etag)
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_AN_HOUR)
                        .header("X-Content-Type-Options", "nosniff")
                        .build();
            }
        }
        StoredPhoto photo = photos.find(userId).orElseThrow(UserPhotoController::noPhoto);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .contentLength(photo.content().length)
                .eTag(etag(photo.sha256()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_AN_HOUR)
                // the type was detected by us, but never let a browser second-guess it (e.g. into text/html)
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    /** 415 with {@code errors.file}, so a form can show the message next to its file input like a 400. */
    @ExceptionHandler(UnsupportedPhotoException.class)
    ResponseEntity<ProblemDetail> unsupported(UnsupportedPhotoException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", Map.of(CheckedPhoto.FIELD, List.of(UnsupportedPhotoException.MESSAGE)));
        return ResponseEntity.status(e.status()).body(problem);
    }

    private static ResourceNotFoundException noPhoto() {
        // "unknown user" and "no photo" look the same: the endpoint is public and must not reveal who has an account
        return new ResourceNotFoundException("Photo");
    }

    private static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /**
     * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): {@code W/"x"} matches {@code "x"}; {@code *}
     * matches any current photo. Spring has split the comma-separated list into {@code candidates}.
     */
    private static boolean matches(List<String> candidates, String etag) {
        for (String candidate : candidates) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
