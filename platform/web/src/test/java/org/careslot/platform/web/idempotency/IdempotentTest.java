package org.careslot.platform.web.idempotency;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link Idempotent} against a real PostgreSQL, with the table a service's migration creates and an action that writes
 * a row of its own, so that "one transaction" is visible: a replay writes nothing, a failure leaves neither the
 * action's row nor the key.
 */
@RealInfrastructure(database = "web_idempotency", kafka = false)
class IdempotentTest {

    record ThingRequest(String name, String note) {
    }

    record Thing(UUID id, String name) {
    }

    static JdbcClient jdbc;
    static Idempotent idempotent;
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @BeforeAll
    static void connect() {
        DriverManagerDataSource database = new DriverManagerDataSource(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
        jdbc = JdbcClient.create(database);
        jdbc.sql("DROP TABLE IF EXISTS idempotency_key, thing").update();
        jdbc.sql("""
                CREATE TABLE idempotency_key (
                    caller_id         uuid        NOT NULL,
                    idempotency_key   text        NOT NULL,
                    request_hash      text        NOT NULL,
                    response_status   int,
                    response_body     text,
                    response_location text,
                    created_at        timestamptz NOT NULL,
                    PRIMARY KEY (caller_id, idempotency_key))""").update();
        jdbc.sql("CREATE TABLE thing (id uuid PRIMARY KEY, name text NOT NULL)").update();
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        idempotent = new Idempotent(jdbc, new DataSourceTransactionManager(database), json,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Creates a thing (a row of its own), counting its runs. */
    static Supplier<ResponseEntity<?>> create(ThingRequest request, AtomicInteger runs) {
        return () -> {
            runs.incrementAndGet();
            Thing thing = new Thing(UUID.randomUUID(), request.name());
            jdbc.sql("INSERT INTO thing (id, name) VALUES (?, ?)").params(thing.id(), thing.name()).update();
            return ResponseEntity.created(URI.create("/things/" + thing.id() + "/")).body(thing);
        };
    }

    static long things(String name) {
        return jdbc.sql("SELECT count(*) FROM thing WHERE name = ?").param(name).query(Long.class).single();
    }

    @Test
    void aRetryAnswersTheFirstResponseWithItsStatusBodyAndLocationAndRunsNothing() {
        UUID caller = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ThingRequest request = new ThingRequest("first-" + key, "n");
        AtomicInteger runs = new AtomicInteger();

        ResponseEntity<String> first = idempotent.respond(caller, key, request, create(request, runs));
        ResponseEntity<String> retry = idempotent.respond(caller, key, new ThingRequest(request.name(), "n"),
                create(request, runs));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).startsWith("{\"id\":\"").contains("\"name\":\"first-" + key + "\"");
        assertThat(first.getHeaders().getLocation()).hasToString("/things/" + first.getBody().substring(7, 43) + "/");
        assertThat(first.getHeaders().getFirst(Idempotent.REPLAYED_HEADER)).isNull();
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getFirst(Idempotent.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(1);
        assertThat(things(request.name())).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIs422AndRunsNothing() {
        UUID caller = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String name = "reused-" + key;
        AtomicInteger runs = new AtomicInteger();
        idempotent.respond(caller, key, new ThingRequest(name, "n"), create(new ThingRequest(name, "n"), runs));

        for (ThingRequest other : List.of(new ThingRequest(name, "m"), new ThingRequest(name, null),
                new ThingRequest(name + "x", "n"))) {
            assertThatThrownBy(() -> idempotent.respond(caller, key, other, create(other, runs)))
                    .as(other.toString()).isInstanceOf(IdempotencyKeyReusedException.class)
                    .hasMessageContaining("Idempotency-Key");
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedRequestLeavesNeitherItsWritesNorTheKeySoItMayBeRetried() {
        UUID caller = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ThingRequest request = new ThingRequest("failing-" + key, null);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> idempotent.respond(caller, key, request, () -> {
            create(request, runs).get();
            throw new ConflictException("taken");
        })).isInstanceOf(ConflictException.class);
        assertThat(things(request.name())).as("the action's write rolled back with the key").isZero();

        ResponseEntity<String> retried = idempotent.respond(caller, key, request, create(request, runs));
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getHeaders().getFirst(Idempotent.REPLAYED_HEADER)).isNull();
        assertThat(runs).hasValue(2);
        assertThat(things(request.name())).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCallerAndWithoutAKeyNothingIsStored() {
        String key = "shared-" + UUID.randomUUID();
        ThingRequest request = new ThingRequest("callers-" + key, null);
        AtomicInteger runs = new AtomicInteger();
        idempotent.respond(UUID.randomUUID(), key, request, create(request, runs));
        ResponseEntity<String> other = idempotent.respond(UUID.randomUUID(), key, request, create(request, runs));
        assertThat(other.getHeaders().getFirst(Idempotent.REPLAYED_HEADER)).isNull();

        UUID anonymousRetries = UUID.randomUUID();
        idempotent.respond(anonymousRetries, null, request, create(request, runs));
        ResponseEntity<String> again = idempotent.respond(anonymousRetries, null, request, create(request, runs));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst(Idempotent.REPLAYED_HEADER)).isNull();
        assertThat(runs).hasValue(4);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE caller_id = ?").param(anonymousRetries)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBlankOrOverlongKeyIs400NamingTheHeader() {
        AtomicInteger runs = new AtomicInteger();
        ThingRequest request = new ThingRequest("bad-key", null);
        for (String key : List.of(" ", "k".repeat(256))) {
            assertThatThrownBy(() -> idempotent.respond(UUID.randomUUID(), key, request, create(request, runs)))
                    .isInstanceOfSatisfying(InvalidFieldsException.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("Idempotency-Key"));
        }
        assertThat(idempotent.respond(UUID.randomUUID(), "k".repeat(255), request, create(request, runs))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrentRetriesWaitForTheFirstAndAllGetItsAnswer() throws Exception {
        UUID caller = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ThingRequest request = new ThingRequest("concurrent-" + key, null);
        AtomicInteger runs = new AtomicInteger();
        int parallel = 8;
        Supplier<ResponseEntity<?>> slow = () -> {
            ResponseEntity<?> created = create(request, runs).get();
            // the first keeps its claim uncommitted until every other retry is blocked on it in PostgreSQL
            await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingOnALock() == parallel - 1);
            return created;
        };
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(parallel)) {
            for (int i = 0; i < parallel; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return idempotent.respond(caller, key, request, slow);
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> responses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).extracting(ResponseEntity::getBody).containsOnly(responses.getFirst().getBody());
            assertThat(responses.stream().filter(r -> r.getHeaders().getFirst(Idempotent.REPLAYED_HEADER) == null))
                    .hasSize(1);
        }
        assertThat(runs).hasValue(1);
        assertThat(things(request.name())).isEqualTo(1);
    }

    @Test
    void forgettingRemovesOnlyKeysCreatedBeforeTheGivenInstant() {
        UUID caller = UUID.randomUUID();
        ThingRequest request = new ThingRequest("forgotten", null);
        AtomicInteger runs = new AtomicInteger();
        idempotent.respond(caller, "old", request, create(request, runs));

        assertThat(idempotent.forgetOlderThan(NOW)).isZero();
        assertThat(idempotent.forgetOlderThan(NOW.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        idempotent.respond(caller, "old", request, create(request, runs));
        assertThat(runs).as("a forgotten key runs again").hasValue(2);
    }

    static int sessionsWaitingOnALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").query(Integer.class).single();
    }
}
