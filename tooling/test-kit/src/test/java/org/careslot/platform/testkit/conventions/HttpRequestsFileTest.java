package org.careslot.platform.testkit.conventions;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestsFileTest {

    static final JsonNode DOCUMENT = JsonMapper.builder().build().readTree("""
            {"openapi": "3.1.0", "info": {"title": "booking-service"},
             "security": [{"bearer": []}, {"keycloak": []}],
             "paths": {
               "/api/v1/doctors/{id}/availability/": {"get": {"summary": "Free slots", "security": [],
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                                {"name": "date", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}},
                                {"name": "page", "in": "query", "schema": {"type": "integer"}}],
                 "responses": {"200": {"content": {"application/json": {}}}}}},
               "/api/v1/appointments/": {"post": {"operationId": "book",
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Booking"}}}},
                 "responses": {"201": {"content": {"application/json": {}}}}}}
             },
             "components": {"schemas": {"Booking": {"type": "object", "properties": {
               "id": {"type": "string", "format": "uuid", "readOnly": true},
               "doctor_id": {"type": "string"},
               "starts_at": {"type": "string", "format": "date-time"},
               "notes": {"type": ["string", "null"], "example": "first visit"},
               "kind": {"enum": ["IN_PERSON", "VIDEO"]}}}}}}
            """);

    @Test
    void rendersOneRequestPerOperationThroughTheGatewayWithTokensExamplesAndPathVariables() {
        String file = HttpRequestsFile.render(DOCUMENT);

        assertThat(file).contains("@gateway = http://localhost:8080\n",
                "@doctor_id = 3fa85f64-5717-4562-b3fc-2c963f66afa6\n",
                """
                        ### book
                        POST {{gateway}}/api/v1/appointments/
                        Authorization: Bearer {{token}}
                        Accept: application/json
                        Content-Type: application/json

                        {
                          "doctor_id" : "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                          "starts_at" : "2030-01-15T09:00:00Z",
                          "notes" : "first visit",
                          "kind" : "IN_PERSON"
                        }
                        """,
                """
                        ### Free slots
                        # optional query parameters: page
                        GET {{gateway}}/api/v1/doctors/{{doctor_id}}/availability/?date=2030-01-15
                        Accept: application/json
                        """);
        assertThat(file).doesNotContain("\"id\"", "# @name login");
        assertThat(file.indexOf("### book")).isLessThan(file.indexOf("### Free slots"));
    }

    @Test
    void theIdentityFileStartsWithALoginThatKeepsTheToken() {
        JsonNode identity = JsonMapper.builder().build().readTree("""
                {"info": {"title": "identity-service"}, "paths": {"/api/v1/user/login/": {"post": {"security": []}}}}
                """);
        String file = HttpRequestsFile.render(identity);
        assertThat(file).contains("POST {{gateway}}/api/v1/user/login/", "client.global.set(\"token\", response.body.access)");
        assertThat(file.split("POST \\{\\{gateway}}/api/v1/user/login/", -1)).hasSize(2);
        assertThat(HttpRequestsFile.fileFor(identity)).hasFileName("identity.http");
    }
}
