package org.careslot.identity.location;

import org.springframework.stereotype.Service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The location rules other features share (registration, profile updates): a district must belong to the chosen
 * division and a thana to the chosen district.
 */
@Service
public class LocationDirectory {

    private final LocationRepository locations;

    LocationDirectory(LocationRepository locations) {
        this.locations = locations;
    }

    /**
     * Checks division → district → thana. Returns field name → messages for every violation (empty when valid),
     * keyed by the snake_case request fields so callers can pass it to
     * {@link org.careslot.platform.web.problem.InvalidFieldsException} as it is. A child is only reported as
     * misplaced when its parent exists: under an unknown parent the client has one mistake to fix, not two.
     */
    public Map<String, List<String>> checkHierarchy(int divisionId, int districtId, int thanaId) {
        LocationRepository.Parents parents = locations.parentsOf(divisionId, districtId, thanaId);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        boolean divisionExists = parents.divisionId() != null;
        boolean districtExists = parents.districtDivisionId() != null;
        if (!divisionExists) {
            errors.put("division_id", List.of("unknown division " + divisionId));
        }
        if (!districtExists) {
            errors.put("district_id", List.of("unknown district " + districtId));
        } else if (divisionExists && parents.districtDivisionId() != divisionId) {
            errors.put("district_id", List.of("district " + districtId + " is not in division " + divisionId));
        }
        if (parents.thanaDistrictId() == null) {
            errors.put("thana_id", List.of("unknown thana " + thanaId));
        } else if (districtExists && parents.thanaDistrictId() != districtId) {
            errors.put("thana_id", List.of("thana " + thanaId + " is not in district " + districtId));
        }
        return Collections.unmodifiableMap(errors);
    }
}
