package org.careslot.doctor.search;

import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search data set of realistic size, generated straight into the database: 10,000 doctors (one in 50 deactivated),
 * 30,000 weekly slots and 1,000 time offs, with the filter combinations clients use. Shared by the query-plan test
 * (part of {@code verify}) and the latency benchmark ({@code -Pbenchmark}).
 */
final class TenThousandDoctors {

    static final int DOCTORS = 10_000;
    static final LocalDate NEXT_MONDAY = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    private TenThousandDoctors() {
    }

    static void generate(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO known_user (id, full_name, role, division_id, district_id, thana_id, is_active, sequence)
                SELECT md5('bench-doctor-' || i)::uuid,
                       (ARRAY['Abdul', 'Ayesha', 'Farhana', 'Kamal', 'Nasrin', 'Rafiq', 'Sadia', 'Tanvir', 'Mahmud',
                              'Rokeya', 'Jamal', 'Shirin', 'Habib', 'Nusrat', 'Imran', 'Lipi', 'Sohel', 'Tania',
                              'Zahid', 'Moushumi'])[1 + i % 20]
                       || ' ' ||
                       (ARRAY['Rahman', 'Hossain', 'Islam', 'Ahmed', 'Khan', 'Chowdhury', 'Akter', 'Begum', 'Uddin',
                              'Sarkar', 'Mia', 'Sultana', 'Alam', 'Haque', 'Talukder', 'Bhuiyan', 'Das', 'Roy',
                              'Karim', 'Siddique'])[1 + (i / 20) % 20]
                       || ' ' || i,
                       'DOCTOR', 1 + (i % 64) % 8, 1 + i % 64, 1 + i % 64 * 10 + i % 7, i % 50 <> 0, 1
                FROM generate_series(1, ?) AS i""", DOCTORS);
        jdbc.update("""
                INSERT INTO doctor_profile (id, specialization, license_number, experience_years, consultation_fee,
                                            qualification, bio, time_zone, version)
                SELECT md5('bench-doctor-' || i)::uuid,
                       (ARRAY['ANESTHESIOLOGY', 'CARDIOLOGY', 'DENTISTRY', 'DERMATOLOGY', 'ENDOCRINOLOGY', 'ENT',
                              'GASTROENTEROLOGY', 'GENERAL_PRACTICE', 'GENERAL_SURGERY', 'GYNECOLOGY_OBSTETRICS',
                              'HEMATOLOGY', 'MEDICINE', 'NEPHROLOGY', 'NEUROLOGY', 'NEUROSURGERY', 'ONCOLOGY',
                              'OPHTHALMOLOGY', 'ORTHOPEDICS', 'PEDIATRICS', 'PHYSICAL_MEDICINE', 'PSYCHIATRY',
                              'PULMONOLOGY', 'RADIOLOGY', 'RHEUMATOLOGY', 'UROLOGY'])[1 + i % 25],
                       'BENCH-' || i, i % 41, 200 + (i * 37) % 2300, 'MBBS, FCPS',
                       'Consults at the district hospital.', 'Asia/Dhaka', 1
                FROM generate_series(1, ?) AS i""", DOCTORS);
        // three non-overlapping weekdays per doctor
        jdbc.update("""
                INSERT INTO time_slot (id, doctor_id, weekday, start_minute, end_minute, slot_minutes)
                SELECT gen_random_uuid(), md5('bench-doctor-' || i)::uuid, 1 + (i + 2 * k) % 7, 540, 720, 30
                FROM generate_series(1, ?) AS i, generate_series(0, 2) AS k""", DOCTORS);
        jdbc.update("""
                INSERT INTO time_off (id, doctor_id, date_from, date_to, reason)
                SELECT gen_random_uuid(), md5('bench-doctor-' || i)::uuid, ?::date - 3, ?::date + 3, 'Leave'
                FROM generate_series(1, ?) AS i WHERE i % 10 = 0""", NEXT_MONDAY, NEXT_MONDAY, DOCTORS);
        // fresh statistics, as autovacuum would gather them after such a load
        jdbc.execute("ANALYZE known_user, doctor_profile, time_slot, time_off");
        System.out.printf("search data set: generated %d doctors, %d slots, %d time offs in %d ms%n", DOCTORS,
                jdbc.queryForObject("SELECT count(*) FROM time_slot", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM time_off", Long.class),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Filter combinations clients use, by name → query string. */
    static Map<String, String> combinations() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("no filter, by name", "");
        queries.put("specialization", "specialization=CARDIOLOGY");
        queries.put("district, -fee", "district_id=17&ordering=-consultation_fee");
        queries.put("division+spec+fee range+experience",
                "division_id=3&specialization=MEDICINE&min_fee=500&max_fee=1500&min_experience=5");
        queries.put("available_on + district", "available_on=" + NEXT_MONDAY + "&district_id=5");
        queries.put("available_on only", "available_on=" + NEXT_MONDAY.plusDays(1));
        queries.put("thana + experience order", "thana_id=171&ordering=-experience_years");
        queries.put("search name", "search=rahman");
        queries.put("search rare name", "search=moushumi%20siddique");
        queries.put("search speciality", "search=cardio&ordering=consultation_fee");
        queries.put("fee range, fee order", "min_fee=1000&max_fee=1100&ordering=consultation_fee");
        queries.put("deep page", "page=200&page_size=20");
        queries.put("page_size 100, -experience", "ordering=-experience_years&page_size=100");
        return queries;
    }

    /** EXPLAIN ANALYZE of the page query the service runs for {@code query}, plus the count query's time. */
    static String explain(NamedParameterJdbcTemplate named, String query) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                raw.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        FieldErrors errors = new FieldErrors();
        SearchCriteria criteria = SearchCriteria.parse(raw, errors);
        assertThat(errors.isEmpty()).as(errors.asMap().toString()).isTrue();
        int pageSize = raw.containsKey("page_size") ? Integer.parseInt(raw.get("page_size")) : 20;
        int page = raw.containsKey("page") ? Integer.parseInt(raw.get("page")) : 1;
        DoctorSearchQuery sql = DoctorSearchQuery.of(criteria);
        MapSqlParameterSource params = new MapSqlParameterSource(sql.params())
                .addValue("limit", pageSize).addValue("offset", (page - 1) * pageSize);
        List<String> lines = new ArrayList<>(named.queryForList("EXPLAIN (ANALYZE, COSTS OFF) " + sql.pageSql(),
                params, String.class));
        lines.addAll(named.queryForList("EXPLAIN (ANALYZE, COSTS OFF) " + sql.countSql(), params, String.class)
                .stream().filter(line -> line.startsWith("Execution Time")).map(line -> "count query " + line)
                .toList());
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
