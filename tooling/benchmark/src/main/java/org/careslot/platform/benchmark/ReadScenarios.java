package org.careslot.platform.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Anonymous reads through the gateway, closed loop, one scenario each: doctor search (a mix of the filters a
 * frontend offers), one doctor's detail, one day's availability of a doctor.
 */
final class ReadScenarios {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Accounts accounts;
    private final LocalDate firstDay;
    private final int days;
    private final List<String> searches = new ArrayList<>();
    private final Supplier<Map<String, Double>> cpu;

    /** {@code cpu}: snapshots of the stack's CPU (see {@link ClosedLoop}), null for none. */
    ReadScenarios(String gatewayUrl, Accounts accounts, LocalDate firstDay, int days,
                  Supplier<Map<String, Double>> cpu) {
        this.cpu = cpu;
        this.gateway = gatewayUrl;
        this.accounts = accounts;
        this.firstDay = firstDay;
        this.days = days;
        String doctors = gatewayUrl + "/api/v1/doctors/";
        searches.add(doctors);
        searches.add(doctors + "?specialization=CARDIOLOGY");
        searches.add(doctors + "?specialization=PEDIATRICS&ordering=consultation_fee");
        searches.add(doctors + "?division_id=1");
        searches.add(doctors + "?min_fee=600&max_fee=900&ordering=-experience_years");
        searches.add(doctors + "?min_experience=10&page_size=50");
        searches.add(doctors + "?available_on=" + firstDay.plusDays(3));
        searches.add(doctors + "?search=" + URLEncoder.encode("Bench 1", StandardCharsets.UTF_8));
        searches.add(doctors + "?search=cardio");
    }

    ScenarioResult search(int connections, Duration warmUp, Duration measured) {
        return run("doctor search", connections, warmUp, measured,
                () -> searches.get(ThreadLocalRandom.current().nextInt(searches.size())));
    }

    ScenarioResult detail(int connections, Duration warmUp, Duration measured) {
        return run("doctor detail", connections, warmUp, measured,
                () -> gateway + "/api/v1/doctors/" + randomDoctor() + "/");
    }

    ScenarioResult availability(int connections, Duration warmUp, Duration measured) {
        return run("availability", connections, warmUp, measured,
                () -> gateway + "/api/v1/doctors/" + randomDoctor() + "/availability/?date="
                        + firstDay.plusDays(ThreadLocalRandom.current().nextInt(days)));
    }

    private String randomDoctor() {
        List<Accounts.Account> doctors = accounts.doctors();
        return doctors.get(ThreadLocalRandom.current().nextInt(doctors.size())).id;
    }

    private ScenarioResult run(String name, int connections, Duration warmUp, Duration measured,
                               Supplier<String> urls) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connections", connections);
        settings.put("warm_up_seconds", warmUp.toSeconds());
        settings.put("authenticated", false);
        if (name.equals("doctor search")) {
            settings.put("queries", searches.stream().map(s -> s.substring(gateway.length())).toList());
        }
        return ClosedLoop.run(name, connections, warmUp, measured, settings, cpu, (worker, recorder) -> {
            HttpRequest request = Http.builder(urls.get(), null).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long micros = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() == 200) {
                recorder.success(micros);
            } else {
                recorder.error("HTTP " + response.statusCode());
            }
        });
    }
}
