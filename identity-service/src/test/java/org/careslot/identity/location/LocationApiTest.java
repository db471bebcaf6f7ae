package org.careslot.identity.location;

import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locations endpoints over real HTTP against the migrated database. No request carries a token: the
 * endpoints are public.
 */
@RealInfrastructure(database = "identity_locations")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocationApiTest {

    // ids are stable by contract (V1__locations.sql), so clients and these tests may rely on them
    static final int DHAKA_DIVISION = 3;
    static final int SYLHET_DIVISION = 8;
    static final int DHAKA_DISTRICT = 14;

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void listsTheEightDivisionsByName() throws Exception {
        HttpResponse<String> response = get("/api/v1/locations/divisions/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode divisions = json.readTree(response.body());
        assertThat(names(divisions)).containsExactly(
                "Barisal", "Chattogram", "Dhaka", "Khulna", "Mymensingh", "Rajshahi", "Rangpur", "Sylhet");
        for (JsonNode division : divisions) {
            assertThat(division.propertyNames()).containsExactly("id", "name");
            assertThat(division.get("id").isInt()).as("integer id").isTrue();
        }
        assertThat(idOf(divisions, "Dhaka")).isEqualTo(DHAKA_DIVISION);
    }

    /** The answer the OpenAPI document gives this operation (it has no other client error). */
    @Test
    void anAcceptItCannotServeIs406ProblemJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/locations/divisions/"))
                .header("Accept", "image/png").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(406);
    }

    @Test
    void everyDivisionHasDistrictsAndEveryDistrictHasThanas() throws Exception {
        Set<Integer> districtIds = new HashSet<>();
        Set<Integer> thanaIds = new HashSet<>();
        for (JsonNode division : json.readTree(get("/api/v1/locations/divisions/").body())) {
            int divisionId = division.get("id").asInt();
            JsonNode districts = jsonOf("/api/v1/locations/divisions/" + divisionId + "/districts/");
            assertThat(districts.size()).as("districts of %s", division).isPositive();
            assertThat(names(districts)).as("districts of %s", division).isSorted();
            for (JsonNode district : districts) {
                assertThat(district.propertyNames()).containsExactly("id", "name", "division_id");
                assertThat(district.get("division_id").asInt()).isEqualTo(divisionId);
                int districtId = district.get("id").asInt();
                assertThat(districtIds.add(districtId)).as("district %d listed once", districtId).isTrue();

                JsonNode thanas = jsonOf("/api/v1/locations/districts/" + districtId + "/thanas/");
                assertThat(thanas.size()).as("thanas of %s", district).isPositive();
                assertThat(names(thanas)).as("thanas of %s", district).isSorted();
                for (JsonNode thana : thanas) {
                    assertThat(thana.propertyNames()).containsExactly("id", "name", "district_id");
                    assertThat(thana.get("district_id").asInt()).isEqualTo(districtId);
                    assertThat(thanaIds.add(thana.get("id").asInt())).isTrue();
                }
            }
        }
        assertThat(districtIds).hasSize(64);
        assertThat(thanaIds).hasSize(521);
    }

    @Test
    void dhakaDistrictIsInDhakaDivisionWithItsUpazilasAndMetroThanas() throws Exception {
        JsonNode districts = jsonOf("/api/v1/locations/divisions/" + DHAKA_DIVISION + "/districts/");
        assertThat(names(districts)).contains("Dhaka", "Gazipur", "Narayanganj");
        assertThat(idOf(districts, "Dhaka")).isEqualTo(DHAKA_DISTRICT);

        JsonNode thanas = jsonOf("/api/v1/locations/districts/" + DHAKA_DISTRICT + "/thanas/");
        assertThat(names(thanas)).contains("Savar", "Dhamrai", "Mohammadpur", "Dhanmondi");
    }

    @Test
    void sylhetDivisionHasFourDistricts() throws Exception {
        JsonNode districts = jsonOf("/api/v1/locations/divisions/" + SYLHET_DIVISION + "/districts/");
        assertThat(names(districts)).containsExactly("Habiganj", "Moulvibazar", "Sunamganj", "Sylhet");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/locations/divisions",
            "/api/v1/locations/divisions/" + DHAKA_DIVISION + "/districts",
            "/api/v1/locations/districts/" + DHAKA_DISTRICT + "/thanas"})
    void answersTheSameWithAndWithoutTheTrailingSlashAndMayBeCachedForADay(String path) throws Exception {
        HttpResponse<String> canonical = get(path + "/");
        HttpResponse<String> bare = get(path);

        for (HttpResponse<String> response : List.of(canonical, bare)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
                    .hasValue("public, max-age=86400");
        }
        assertThat(bare.body()).isEqualTo(canonical.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/locations/divisions/99/districts/", "/api/v1/locations/divisions/99/districts",
            "/api/v1/locations/divisions/-1/districts/",
            "/api/v1/locations/districts/999/thanas/", "/api/v1/locations/districts/999/thanas"})
    void unknownParentIsA404Problem(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertProblem(response, 404);
        assertThat(json.readTree(response.body()).get("detail").asString()).endsWith(" not found");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).doesNotContain("public"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/locations/divisions/abc/districts/", "/api/v1/locations/divisions/abc/districts",
            "/api/v1/locations/districts/1.5/thanas/", "/api/v1/locations/districts/99999999999/thanas"})
    void nonIntegerIdIsA400Problem(String path) throws Exception {
        assertProblem(get(path), 400);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private JsonNode jsonOf(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode places) {
        List<String> names = new ArrayList<>();
        places.forEach(place -> names.add(place.get("name").asString()));
        return names;
    }

    private static int idOf(JsonNode places, String name) {
        for (JsonNode place : places) {
            if (place.get("name").asString().equals(name)) {
                return place.get("id").asInt();
            }
        }
        throw new AssertionError(name + " not in " + places);
    }
}
