package org.careslot.doctor;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.conventions.ServiceConventionsContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@RealInfrastructure(database = "doctor")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed afterwards: each test class of this module runs its own context (database, consumer group, outbox relay)
@DirtiesContext
class DoctorServiceConventionsTest implements ServiceConventionsContract {

    @LocalServerPort
    int port;

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void theOpenApiDocumentStatesTheRulesAndDecisions() throws Exception {
        String doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(doc).contains("/api/v1/doctors/me/profile", "/api/v1/doctors/{id}/time-slots/{slot_id}",
                "/api/v1/doctors/me/time-off/{time_off_id}", "GYNECOLOGY_OBSTETRICS", "Asia/Dhaka",
                "exclusion constraint", "whole number of appointments", "not listed in search", "available_on",
                "consultation_fee");
        JsonNode api = JsonMapper.builder().build().readTree(doc);
        JsonNode schemas = api.get("components").get("schemas");
        // the wire format is snake_case, and so are the documented schemas
        assertThat(schemas.get("DoctorResponse").get("properties").has("consultation_fee")).isTrue();
        assertThat(schemas.get("DoctorResponse").get("properties").has("consultationFee")).isFalse();
        assertThat(schemas.get("DoctorProfileRequest").get("properties").get("specialization").toString())
                .contains("GYNECOLOGY_OBSTETRICS");
        assertThat(schemas.get("TimeSlotRequest").get("properties").has("slot_minutes")).isTrue();
        // the caller comes from the token, it is no parameter
        JsonNode put = api.get("paths").get("/api/v1/doctors/me/profile/").get("put");
        assertThat(put.has("parameters")).isFalse();
        assertThat(put.get("requestBody").toString()).contains("DoctorProfileRequest");
    }
}
