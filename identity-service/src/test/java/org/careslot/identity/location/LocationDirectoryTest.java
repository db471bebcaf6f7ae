package org.careslot.identity.location;

import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the migrated reference data; the same configuration as {@link LocationApiTest}, so one shared context. */
@RealInfrastructure(database = "identity_locations")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocationDirectoryTest {

    static final int DHAKA_DIVISION = 3;
    static final int SYLHET_DIVISION = 8;
    static final int DHAKA_DISTRICT = 14;
    static final int SAVAR = 140;             // upazila of Dhaka district
    static final int MOHAMMADPUR_DHAKA = 134; // metro thana of Dhaka district
    static final int KOTWALI_CHATTOGRAM = 84; // metro thana of Chattogram district (10)

    @Autowired
    LocationDirectory directory;

    @Test
    void acceptsAnUpazilaOrAMetroThanaUnderItsDistrictAndDivision() {
        assertThat(directory.checkHierarchy(DHAKA_DIVISION, DHAKA_DISTRICT, SAVAR)).isEmpty();
        assertThat(directory.checkHierarchy(DHAKA_DIVISION, DHAKA_DISTRICT, MOHAMMADPUR_DHAKA)).isEmpty();
    }

    @Test
    void reportsADistrictOfAnotherDivision() {
        assertThat(directory.checkHierarchy(SYLHET_DIVISION, DHAKA_DISTRICT, SAVAR))
                .isEqualTo(Map.of("district_id", List.of("district 14 is not in division 8")));
    }

    @Test
    void reportsAThanaOfAnotherDistrict() {
        assertThat(directory.checkHierarchy(DHAKA_DIVISION, DHAKA_DISTRICT, KOTWALI_CHATTOGRAM))
                .isEqualTo(Map.of("thana_id", List.of("thana 84 is not in district 14")));
    }

    @Test
    void reportsEveryMismatchAtOnce() {
        assertThat(directory.checkHierarchy(SYLHET_DIVISION, DHAKA_DISTRICT, KOTWALI_CHATTOGRAM)).isEqualTo(Map.of(
                "district_id", List.of("district 14 is not in division 8"),
                "thana_id", List.of("thana 84 is not in district 14")));
    }

    @Test
    void reportsUnknownIdsWithoutBlamingTheirChildren() {
        assertThat(directory.checkHierarchy(99, DHAKA_DISTRICT, SAVAR))
                .isEqualTo(Map.of("division_id", List.of("unknown division 99")));
        assertThat(directory.checkHierarchy(DHAKA_DIVISION, 999, SAVAR))
                .isEqualTo(Map.of("district_id", List.of("unknown district 999")));
        assertThat(directory.checkHierarchy(DHAKA_DIVISION, DHAKA_DISTRICT, 9999))
                .isEqualTo(Map.of("thana_id", List.of("unknown thana 9999")));
        assertThat(directory.checkHierarchy(0, -1, 9999)).isEqualTo(Map.of(
                "division_id", List.of("unknown division 0"),
                "district_id", List.of("unknown district -1"),
                "thana_id", List.of("unknown thana 9999")));
    }
}
