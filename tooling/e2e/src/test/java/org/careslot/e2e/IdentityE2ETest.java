package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new patient through the gateway only: pick a location, register, log in, read and change the profile. */
class IdentityE2ETest {

    private static Gateway gateway;

    @BeforeAll
    static void stack() {
        gateway = new Gateway(RunningStack.get());
    }

    @Test
    void registerLoginAndMe() {
        JsonNode divisions = gateway.get("/api/v1/locations/divisions/").json();
        assertThat(divisions).hasSize(8);
        int division = divisions.get(0).get("id").asInt();
        JsonNode districts = gateway.get("/api/v1/locations/divisions/" + division + "/districts/").json();
        int district = districts.get(0).get("id").asInt();
        JsonNode thanas = gateway.get("/api/v1/locations/districts/" + district + "/thanas").json();
        int thana = thanas.get(0).get("id").asInt();

        String email = "e2e-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> registration = new HashMap<>(Map.of("role", "PATIENT", "full_name", "Ayesha Siddiqua",
                "email", email, "phone", String.format("+88018%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000),
                "password", "Str0ng!Pass", "division_id", division, "district_id", district, "thana_id", thana));
        registration.put("blood_group", "A+");
        Gateway.Response created = gateway.postJson("/api/v1/user/register/", registration, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(gateway.postJson("/api/v1/user/register/", registration, null).status()).isEqualTo(409);

        Gateway.Response login = gateway.postJson("/api/v1/user/login/",
                Map.of("email", email, "password", "Str0ng!Pass"), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String access = login.json().get("access").asString();
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("PATIENT");

        JsonNode me = gateway.get("/api/v1/user/me/", access).json();
        assertThat(me.get("id").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(me.get("blood_group").asString()).isEqualTo("A+");

        Gateway.Response wrong = gateway.postJson("/api/v1/user/login/",
                Map.of("email", email, "password", "Wrong.Pass1"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }
}
