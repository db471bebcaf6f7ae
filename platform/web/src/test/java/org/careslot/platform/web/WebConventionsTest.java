package org.careslot.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.security.CurrentUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP conventions of api.md as one small app sees them. Tokens are built by spring-security-test here:
 * what is under test is how a decoded token is interpreted, not Keycloak (the gateway and e2e tests use it).
 */
@Tag("integration") // RealInfrastructure.TAG (the test kit is no dependency here): runs in the integration-test phase
@SpringBootTest(properties = {
        "careslot.database=unused",
        "careslot.web.public-endpoints[0]=/public/**",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@AutoConfigureMockMvc
class WebConventionsTest {

    private static final UUID USER = UUID.fromString("0b6f4f4e-7f6a-4c4b-9a55-5d1f1d2b9d31");

    @Autowired
    MockMvc mvc;

    @Test
    void validationFailuresNameEverySnakeCaseFieldAtOnce() throws Exception {
        mvc.perform(post("/public/things").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full_name\":\"\",\"contact_email\":\"nope\",\"age_years\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.full_name").isArray())
                .andExpect(jsonPath("$.errors.contact_email").isArray())
                .andExpect(jsonPath("$.errors.age_years").isArray())
                .andExpect(jsonPath("$.instance").value("/public/things"));
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsParsedWhateverItHolds() throws Exception {
        String padding = "x".repeat(1024 * 1024);
        mvc.perform(post("/public/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full_name\":\"A\",\"contact_email\":\"a@b.org\",\"padding\":\"" + padding + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        // the same request without the padding is fine: the limit, not the content, refused it
        mvc.perform(post("/public/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full_name\":\"A\",\"contact_email\":\"a@b.org\",\"padding\":\"x\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aWronglyTypedFieldIsNamedNotA500() throws Exception {
        mvc.perform(post("/public/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full_name\":\"A\",\"contact_email\":\"a@b.org\",\"age_years\":\"old\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.age_years").isArray());
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(post("/public/things").contentType(MediaType.APPLICATION_JSON).content("{oops"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void responsesAreSnakeCase() throws Exception {
        mvc.perform(post("/public/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"full_name\":\"Ada\",\"contact_email\":\"ada@example.org\",\"age_years\":36}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.full_name").value("Ada"))
                .andExpect(jsonPath("$.age_years").value(36));
    }

    @Test
    void trailingSlashAndBareFormReachTheSameHandler() throws Exception {
        mvc.perform(get("/public/items/")).andExpect(status().isOk());
        mvc.perform(get("/public/items")).andExpect(status().isOk());
    }

    @Test
    void listsUseThePaginationEnvelopeWithAbsoluteNeighbourUrls() throws Exception {
        mvc.perform(get("/public/items/").param("page", "2").param("page_size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(45))
                .andExpect(jsonPath("$.results.length()").value(10))
                .andExpect(jsonPath("$.results[0]").value(10))
                .andExpect(jsonPath("$.next").value("http://localhost/public/items/?page=3&page_size=10"))
                .andExpect(jsonPath("$.previous").value("http://localhost/public/items/?page=1&page_size=10"));
        mvc.perform(get("/public/items/").param("page", "5").param("page_size", "10"))
                .andExpect(jsonPath("$.results.length()").value(5))
                .andExpect(jsonPath("$.next").value(nullValue()));
        mvc.perform(get("/public/items/"))
                .andExpect(jsonPath("$.previous").value(nullValue()))
                .andExpect(jsonPath("$.results.length()").value(20));
    }

    @Test
    void badPaginationParametersAreNamed() throws Exception {
        mvc.perform(get("/public/items/").param("page_size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page_size").isArray());
        mvc.perform(get("/public/items/").param("page", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").isArray());
    }

    @Test
    void domainProblemsMapToTheirStatus() throws Exception {
        mvc.perform(get("/public/problems/not-found")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/public/problems/conflict")).andExpect(status().isConflict());
        mvc.perform(get("/public/problems/bug")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret internals"))));
    }

    @Test
    void protectedEndpointsNeedAToken() throws Exception {
        mvc.perform(get("/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("X-Trace-Id"));
    }

    @Test
    void realmRolesBecomeAuthoritiesAndTheCurrentUser() throws Exception {
        mvc.perform(get("/me").with(jwt().jwt(token -> token.subject(USER.toString())
                                .claim("email", "pat@example.org")
                                .claim("realm_access", Map.of("roles", List.of("PATIENT", "offline_access"))))
                        .authorities(new org.careslot.platform.web.security.KeycloakRealmRoles())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(USER.toString()))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.roles[0]").value("PATIENT"));
    }

    @Test
    void aWrongRoleIsA403Problem() throws Exception {
        mvc.perform(get("/admin-only").with(jwt().jwt(token -> token.subject(USER.toString())
                                .claim("realm_access", Map.of("roles", List.of("PATIENT"))))
                        .authorities(new org.careslot.platform.web.security.KeycloakRealmRoles())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theRoleIsCheckedBeforeTheBodySoAWrongRoleNeverLearnsTheValidationRules() throws Exception {
        mvc.perform(post("/admin-things").contentType(MediaType.APPLICATION_JSON).content("{\"full_name\": \"\"}")
                        .with(jwt().jwt(token -> token.subject(USER.toString())
                                .claim("realm_access", Map.of("roles", List.of("PATIENT"))))
                        .authorities(new org.careslot.platform.web.security.KeycloakRealmRoles())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/admin-things").contentType(MediaType.APPLICATION_JSON).content("{\"full_name\": \"\"}")
                        .with(jwt().jwt(token -> token.subject(USER.toString())
                                .claim("realm_access", Map.of("roles", List.of("ADMIN"))))
                        .authorities(new org.careslot.platform.web.security.KeycloakRealmRoles())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.full_name").exists());
    }

    @SpringBootApplication
    @org.springframework.context.annotation.Import(TestController.class)
    static class TestApp {
    }

    record ThingRequest(@NotBlank String fullName, @Email @NotBlank String contactEmail, @Min(0) Integer ageYears) {
    }

    @RestController
    static class TestController {

        @PostMapping("/public/things")
        ThingRequest echo(@Valid @RequestBody ThingRequest request) {
            return request;
        }

        @GetMapping("/public/items")
        PageResponse<Integer> items(@RequestParam(required = false) String page,
                @RequestParam(name = "page_size", required = false) String pageSize) {
            PageQuery query = PageQuery.of(page, pageSize);
            List<Integer> all = IntStream.range(0, 45).boxed().toList();
            int from = (int) Math.min(query.offset(), all.size());
            return PageResponse.of(all.subList(from, Math.min(from + query.pageSize(), all.size())), all.size(), query);
        }

        @GetMapping("/public/problems/{kind}")
        void problem(@PathVariable String kind) {
            switch (kind) {
                case "not-found" -> throw new ResourceNotFoundException("Thing");
                case "conflict" -> throw new ConflictException("Already there.");
                default -> throw new IllegalStateException("secret internals");
            }
        }

        @GetMapping("/me")
        CurrentUser me(CurrentUser user) {
            return user;
        }

        @GetMapping("/admin-only")
        @PreAuthorize("hasRole('ADMIN')")
        String adminOnly() {
            return "ok";
        }

        @PostMapping("/admin-things")
        @PreAuthorize("hasRole('ADMIN')")
        ThingRequest adminThing(@Valid @RequestBody ThingRequest request) {
            return request;
        }
    }
}
