package org.careslot.doctor.search;

import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 10,000 doctors, selective search filters are answered from the indexes of migration V1 (trigram index on the
 * name, partial indexes over listed doctors, composite indexes on speciality and fee and on slots and time off), not
 * by reading every doctor: the SQL the service runs, under EXPLAIN
 * ANALYZE. How fast that is gets measured on demand by the benchmark ({@code DoctorSearchBenchmark}, -Pbenchmark).
 */
@RealInfrastructure(database = "doctor_search_plans")
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(properties = "spring.kafka.consumer.group-id=doctor-search-plans-test")
@DirtiesContext
class DoctorSearchPlanTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;

    @Test
    void selectiveFiltersUseTheIndexes() {
        TenThousandDoctors.generate(jdbc);
        StringBuilder out = new StringBuilder();
        Map<String, String> plans = new LinkedHashMap<>();
        TenThousandDoctors.combinations().forEach((name, query) -> {
            String plan = TenThousandDoctors.explain(named, query);
            plans.put(name, plan);
            out.append(String.format("%n--- %s: %s%n%s%n", name, query, plan));
        });
        System.out.println("search query plans (EXPLAIN ANALYZE of the page query):" + out);

        assertThat(plans.get("search rare name")).contains("known_user_name_trgm_idx");
        assertThat(plans.get("thana + experience order")).contains("known_user_thana_idx");
        assertThat(plans.get("district, -fee")).contains("known_user_district_idx");
        assertThat(plans.get("division+spec+fee range+experience")).contains("doctor_profile_specialization_fee_idx");
        assertThat(plans.get("available_on + district")).contains("time_slot_weekday_doctor_idx",
                "time_off_doctor_idx");
    }
}
