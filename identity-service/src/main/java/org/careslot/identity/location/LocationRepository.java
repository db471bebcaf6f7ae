package org.careslot.identity.location;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the reference data seeded by {@code V1__locations.sql}. Rows map straight to the response
 * records: the data has no behaviour and the same shape on the wire, so entities would add nothing.
 *
 * <p>Names sort with the "C" collation so the order is the same on every server whatever its locale (and matches
 * the id order the migration assigned).
 */
@Repository
class LocationRepository {

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DivisionResponse> divisions() {
        return jdbc.sql("SELECT id, name FROM division ORDER BY name COLLATE \"C\"")
                .query(DivisionResponse.class)
                .list();
    }

    /** Empty when the division does not exist. */
    Optional<List<DistrictResponse>> districtsOf(int divisionId) {
        List<DistrictResponse> districts = jdbc.sql("""
                        SELECT id, name, division_id FROM district
                        WHERE division_id = :division ORDER BY name COLLATE "C"
                        """)
                .param("division", divisionId)
                .query(DistrictResponse.class)
                .list();
        // every division has districts, so the existence check only runs for the rare unknown id
        if (districts.isEmpty() && !exists("SELECT EXISTS (SELECT 1 FROM division WHERE id = :id)", divisionId)) {
            return Optional.empty();
        }
        return Optional.of(districts);
    }

    /** Empty when the district does not exist. */
    Optional<List<ThanaResponse>> thanasOf(int districtId) {
        List<ThanaResponse> thanas = jdbc.sql("""
                        SELECT id, name, district_id FROM thana
                        WHERE district_id = :district ORDER BY name COLLATE "C"
                        """)
                .param("district", districtId)
                .query(ThanaResponse.class)
                .list();
        if (thanas.isEmpty() && !exists("SELECT EXISTS (SELECT 1 FROM district WHERE id = :id)", districtId)) {
            return Optional.empty();
        }
        return Optional.of(thanas);
    }

    /** What each id points at, in one round trip; a component is null when its id is unknown. */
    Parents parentsOf(int divisionId, int districtId, int thanaId) {
        return jdbc.sql("""
                        SELECT (SELECT id FROM division WHERE id = :division)          AS division_id,
                               (SELECT division_id FROM district WHERE id = :district) AS district_division_id,
                               (SELECT district_id FROM thana WHERE id = :thana)       AS thana_district_id
                        """)
                .param("division", divisionId)
                .param("district", districtId)
                .param("thana", thanaId)
                .query(Parents.class)
                .single();
    }

    /**
     * @param divisionId         the division's own id if it exists
     * @param districtDivisionId the division the district belongs to
     * @param thanaDistrictId    the district the thana belongs to
     */
    record Parents(Integer divisionId, Integer districtDivisionId, Integer thanaDistrictId) {
    }

    private boolean exists(String query, int id) {
        return jdbc.sql(query).param("id", id).query(Boolean.class).single();
    }
}
