package org.careslot.identity.photo;

import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile photos over real HTTP: a real Keycloak issues the tokens, the service checks them against its JWKS, and the
 * photos go to the migrated PostgreSQL database. Each test registers its own user (Keycloak account plus
 * {@code app_user} row), so tests neither share photos nor depend on their order.
 */
@RealInfrastructure(database = "identity_photos", keycloak = true)
// GET /api/v1/user/photos/** is public and server.tomcat.max-swallow-size lets oversized uploads get their 413:
// both from application.yml, as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UserPhotoApiTest {

    private static final String UPLOAD = "/api/v1/user/me/photo/";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    /** The start of a real PDF: a renamed one must not pass for an image. */
    private static final byte[] PDF = ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserPhotos userPhotos;

    private final KeycloakTokens keycloak = KeycloakTokens.shared();

    /** A registered, logged-in user of this test. */
    private Caller me;

    record Caller(UUID id, String token) {
    }

    @BeforeEach
    void registerAUser() {
        me = registeredUser(true);
    }

    @Test
    void storesAPngAndServesTheSameBytesToAnyone() throws Exception {
        byte[] png = png(64, 48);

        HttpResponse<String> uploaded = upload(me.token(), "file", "me.png", "image/png", png);

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(uploaded.body());
        assertThat(body.propertyNames()).containsExactly("photo_url");
        String url = body.get("photo_url").asString();
        assertThat(url).isEqualTo("/api/v1/user/photos/" + me.id() + "/?v=" + sha256(png).substring(0, 8));
        assertThat(userPhotos.photoUrl(me.id())).hasValue(url);

        HttpResponse<byte[]> served = get(url, Map.of()); // no token: the photo is public
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
        assertThat(served.headers().firstValue("ETag")).hasValue("\"" + sha256(png) + "\"");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void storesAJpegUploadedWithoutTheTrailingSlash() throws Exception {
        byte[] jpeg = jpeg(40, 30);

        // the client's part type and file name say nothing about the content: the bytes decide
        HttpResponse<String> uploaded = send(me.token(), "/api/v1/user/me/photo",
                multipart("file", "IMG_0001.bin", "application/octet-stream", jpeg));

        assertThat(uploaded.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> served = get("/api/v1/user/photos/" + me.id(), Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void aNewUploadReplacesThePhotoAndItsUrl() throws Exception {
        byte[] first = png(10, 10);
        byte[] second = jpeg(20, 20);
        String firstUrl = photoUrlOf(upload(me.token(), "file", "a.png", "image/png", first));

        String secondUrl = photoUrlOf(upload(me.token(), "file", "b.jpg", "image/jpeg", second));

        assertThat(secondUrl).isNotEqualTo(firstUrl).endsWith("?v=" + sha256(second).substring(0, 8));
        HttpResponse<byte[]> served = get(secondUrl, Map.of());
        assertThat(served.body()).isEqualTo(second);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_photo WHERE user_id = ?", Integer.class, me.id()))
                .isEqualTo(1);
    }

    @Test
    void revalidationWithTheCurrentETagAnswers304WithoutTheBytes() throws Exception {
        byte[] png = png(16, 16);
        String url = photoUrlOf(upload(me.token(), "file", "me.png", "image/png", png));
        String etag = get(url, Map.of()).headers().firstValue("ETag").orElseThrow();

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"something-else\", " + etag, "*")) {
            HttpResponse<byte[]> notModified = get(url, Map.of("If-None-Match", ifNoneMatch));
            assertThat(notModified.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(notModified.body()).as(ifNoneMatch).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).as(ifNoneMatch).hasValue(etag);
            assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        }

        // after a new upload the old ETag is stale: the new bytes come back
        byte[] newer = png(17, 17);
        upload(me.token(), "file", "me.png", "image/png", newer);
        HttpResponse<byte[]> changed = get(url, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(newer);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"" + sha256(newer) + "\"");
    }

    @Test
    void aPdfNamedLikeAPngIsRejectedWith415() throws Exception {
        HttpResponse<String> response = upload(me.token(), "file", "photo.png", "image/png", PDF);

        assertUnsupported(response);
    }

    @Test
    void bytesBehindAnImageMagicNumberThatDoNotDecodeAreRejectedWith415() throws Exception {
        Random random = new Random(42); // fixed: the same bytes on every run
        for (byte[] magic : List.of(PNG_MAGIC, JPEG_MAGIC)) {
            byte[] fake = new byte[2048];
            random.nextBytes(fake);
            System.arraycopy(magic, 0, fake, 0, magic.length);

            assertUnsupported(upload(me.token(), "file", "photo.png", "image/png", fake));
        }
        // a real PNG cut off inside its header chunk (IHDR)
        assertUnsupported(upload(me.token(), "file", "cut.png", "image/png", Arrays.copyOf(png(8, 8), 20)));
    }

    @Test
    void aFileOfExactlyFiveMegabytesIsAccepted() throws Exception {
        // a PNG padded after its end chunk (readers ignore what follows IEND) to the limit exactly
        byte[] atTheLimit = Arrays.copyOf(png(8, 8), 5 * 1024 * 1024);

        String url = photoUrlOf(upload(me.token(), "file", "big.png", "image/png", atTheLimit));

        HttpResponse<byte[]> served = get(url, Map.of());
        assertThat(served.body()).isEqualTo(atTheLimit);
        assertThat(served.headers().firstValue("ETag")).hasValue("\"" + sha256(atTheLimit) + "\"");
    }

    @Test
    void aFileOverFiveMegabytesIsRejectedWith413() throws Exception {
        byte[] tooBig = Arrays.copyOf(png(8, 8), 5 * 1024 * 1024 + 1);

        HttpResponse<String> response = upload(me.token(), "file", "big.png", "image/png", tooBig);

        assertProblem(response, 413);
        assertThat(userPhotos.photoUrl(me.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0} MB")
    @ValueSource(ints = {6, 15})
    void anUploadOverTheRequestLimitGets413NotAResetConnection(int megabytes) throws Exception {
        // over the request limit (6 MB) as well: Tomcat refuses it before reading any of it, then must drain the
        // unread body so that the client reads the 413 instead of a reset connection; 15 MB is a large phone photo
        byte[] huge = Arrays.copyOf(png(8, 8), megabytes * 1024 * 1024);

        HttpResponse<String> response = upload(me.token(), "file", "huge.png", "image/png", huge);

        assertProblem(response, 413);
        // nothing half-stored: the next upload works as usual
        assertThat(upload(me.token(), "file", "ok.png", "image/png", png(4, 4)).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingOrEmptyFileIsRejectedWith400() throws Exception {
        HttpResponse<String> otherPart = upload(me.token(), "photo", "me.png", "image/png", png(4, 4));
        HttpResponse<String> empty = upload(me.token(), "file", "me.png", "image/png", new byte[0]);
        HttpResponse<String> noBody = send(me.token(), UPLOAD, HttpRequest.BodyPublishers.noBody(), null);

        for (HttpResponse<String> response : List.of(otherPart, empty, noBody)) {
            assertProblem(response, 400);
            assertThat(json.readTree(response.body()).get("errors").get("file").isArray()).isTrue();
        }
        assertThat(userPhotos.photoUrl(me.id())).isEmpty();
    }

    @Test
    void anImageWiderThan8000PixelsIsRejectedWith400() throws Exception {
        HttpResponse<String> response = upload(me.token(), "file", "wide.png", "image/png", png(8001, 1));

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").get("file").get(0).asString()).contains("8000");
    }

    @Test
    void uploadingWithoutATokenIsRejectedWith401() throws Exception {
        HttpResponse<String> response = upload(null, "file", "me.png", "image/png", png(4, 4));

        assertProblem(response, 401);
    }

    @Test
    void uploadingWithoutAnActiveAccountAnswers404() throws Exception {
        Caller withoutRow = registeredUser(false);
        jdbc.update("UPDATE app_user SET is_active = false WHERE id = ?", me.id());

        for (Caller caller : List.of(withoutRow, me)) {
            assertProblem(upload(caller.token(), "file", "me.png", "image/png", png(4, 4)), 404);
            assertThat(userPhotos.photoUrl(caller.id())).isEmpty();
        }
    }

    @Test
    void anUnknownUserOrAUserWithoutAPhotoAnswers404() throws Exception {
        for (UUID id : List.of(UUID.randomUUID(), me.id())) {
            HttpResponse<byte[]> response = get("/api/v1/user/photos/" + id + "/", Map.of());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<byte[]> revalidation = get("/api/v1/user/photos/" + id + "/", Map.of("If-None-Match", "*"));
            assertThat(revalidation.statusCode()).isEqualTo(404);
        }
        assertThat(userPhotos.photoUrl(me.id())).isEmpty();
    }

    @Test
    void photoUrlsOfManyUsersInOneCall() throws Exception {
        Caller other = registeredUser(true);
        String myUrl = photoUrlOf(upload(me.token(), "file", "me.png", "image/png", png(5, 5)));

        Map<UUID, String> urls = userPhotos.photoUrls(List.of(me.id(), other.id(), UUID.randomUUID()));

        assertThat(urls).containsExactly(Map.entry(me.id(), myUrl));
        assertThat(userPhotos.photoUrls(List.of())).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() throws Exception {
        JsonNode paths = json.readTree(get("/v3/api-docs", Map.of()).body()).get("paths");

        JsonNode upload = paths.get("/api/v1/user/me/photo/").get("put");
        JsonNode body = upload.get("requestBody").get("content");
        assertThat(body.propertyNames()).containsExactly("multipart/form-data");
        assertThat(body.get("multipart/form-data").get("schema").get("properties").get("file").get("format")
                .asString()).isEqualTo("binary");
        assertThat(upload.has("parameters")).as("the caller is not a parameter").isFalse();
        assertThat(upload.get("responses").propertyNames()).contains("200", "400", "404", "413", "415");

        JsonNode photo = paths.get("/api/v1/user/photos/{user_id}/").get("get");
        assertThat(photo.get("security").isEmpty()).as("public").isTrue();
        assertThat(photo.get("responses").propertyNames()).contains("200", "304", "404");
    }

    // --- helpers ---

    private void assertUnsupported(HttpResponse<String> response) {
        assertProblem(response, 415);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("file");
        assertThat(problem.get("errors").get("file").isArray()).isTrue();
        assertThat(userPhotos.photoUrl(me.id())).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    /** A Keycloak user with a token; with {@code withAccount} also its active {@code app_user} row. */
    private Caller registeredUser(boolean withAccount) {
        KeycloakTokens.TestUser user = keycloak.createUser("PATIENT");
        UUID id = UUID.fromString(user.id());
        if (withAccount) {
            Map<String, Object> place = jdbc.queryForMap("""
                    SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                    FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1""");
            String phone = "+8801" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            jdbc.update("""
                            INSERT INTO app_user (id, email, full_name, phone, role, division_id, district_id, thana_id)
                            VALUES (?, ?, 'Photo Tester', ?, 'PATIENT', ?, ?, ?)""",
                    id, user.email(), phone, place.get("division_id"), place.get("district_id"),
                    place.get("thana_id"));
        }
        return new Caller(id, keycloak.accessToken(user.email(), user.password()));
    }

    private static String photoUrlOf(HttpResponse<String> uploaded) {
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        return json.readTree(uploaded.body()).get("photo_url").asString();
    }

    private HttpResponse<String> upload(String token, String field, String fileName, String partType, byte[] content)
            throws IOException, InterruptedException {
        return send(token, UPLOAD, multipart(field, fileName, partType, content));
    }

    private record Multipart(String boundary, byte[] body) {
    }

    private HttpResponse<String> send(String token, String path, Multipart multipart)
            throws IOException, InterruptedException {
        return send(token, path, HttpRequest.BodyPublishers.ofByteArray(multipart.body()),
                "multipart/form-data; boundary=" + multipart.boundary());
    }

    private HttpResponse<String> send(String token, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).PUT(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart/form-data body with one file part, built by hand so that every byte of it is under test control. */
    private static Multipart multipart(String field, String fileName, String partType, byte[] content) {
        String boundary = "----careslot" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, body.toByteArray());
    }

    private static byte[] png(int width, int height) throws IOException {
        return encode(width, height, BufferedImage.TYPE_INT_ARGB, "png");
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        return encode(width, height, BufferedImage.TYPE_INT_RGB, "jpeg");
    }

    /** A small image with a little content (two colours), so that different sizes give different bytes. */
    private static byte[] encode(int width, int height, int type, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a %s writer", format).isTrue();
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
