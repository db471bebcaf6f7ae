package org.careslot.doctor.search;

import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search latency with {@link TenThousandDoctors}, run on demand (not part of {@code verify}):
 * <pre>./mvnw -B -ntp -pl doctor-service -am verify -Pbenchmark -Dtest=DoctorSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Each filter combination is requested sequentially by one client over real HTTP on localhost (the whole round trip:
 * HTTP, Spring MVC, the count and page queries, JSON), after a JIT warm-up; the median, p95 and max per combination
 * are printed. The figures depend on the machine and on what else runs on it: they describe this machine, not a
 * guarantee. The only assertion is a sanity bound that catches a lost index or a full scan per request.
 */
@RealInfrastructure(database = "doctor_search_benchmark")
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-search-benchmark")
@DirtiesContext
class DoctorSearchBenchmark {

    static final int WARM_UP_ROUNDS = 5;
    static final int WARM_UP = 20;
    static final int MEASURED = 50;
    static final long SANITY_BOUND_MS = 500;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchLatencyPerFilterCombination() {
        TenThousandDoctors.generate(jdbc);
        ServiceHttp http = new ServiceHttp(port);
        Map<String, String> combinations = TenThousandDoctors.combinations();
        // the JIT compiles the request path first: rounds over every combination, then each one's own warm-up
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            combinations.values().forEach(query -> http.get("/api/v1/doctors/?" + query, null));
        }
        Map<String, long[]> timings = new LinkedHashMap<>();
        combinations.forEach((name, query) -> {
            String path = "/api/v1/doctors/?" + query;
            Answer first = http.get(path, null);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("count").asLong()).as(name).isPositive();
            for (int i = 0; i < WARM_UP; i++) {
                http.get(path, null);
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                Answer answer = http.get(path, null);
                nanos[i] = System.nanoTime() - start;
                assertThat(answer.status()).isEqualTo(200);
            }
            Arrays.sort(nanos);
            timings.put(name + " [" + first.json().get("count").asLong() + " matches]", nanos);
        });

        StringBuilder report = new StringBuilder(String.format(
                "%nsearch latency over HTTP on localhost, %d doctors, one client, %d sequential requests each after "
                        + "%d warm-up (ms):%n%-62s %8s %8s %8s%n",
                TenThousandDoctors.DOCTORS, MEASURED, WARM_UP, "combination", "median", "p95", "max"));
        timings.forEach((name, nanos) -> report.append(String.format("%-62s %8.1f %8.1f %8.1f%n", name,
                millis(nanos[MEASURED / 2]), millis(p95(nanos)), millis(nanos[MEASURED - 1]))));
        System.out.println(report);

        timings.forEach((name, nanos) -> assertThat(millis(p95(nanos))).as("p95 of %s in ms", name)
                .isLessThan(SANITY_BOUND_MS));
    }

    static long p95(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
