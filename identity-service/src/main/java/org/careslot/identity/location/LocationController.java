package org.careslot.identity.location;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Bangladesh's divisions, districts and upazilas/thanas for address pickers. Mapped without the trailing slash:
 * the platform's filter strips it, so {@code /divisions/} and {@code /divisions} both land here.
 */
@RestController
@RequestMapping("/api/v1/locations")
@Tag(name = "Locations", description = "Reference data for addresses. Lists are complete (not paginated; "
        + "at most a few dozen entries), ordered by name, and may be cached for a day.")
@SecurityRequirements // public: forms need them before the user has an account
class LocationController {

    // the data only changes with a migration, i.e. a deployment; a day's staleness is harmless
    private static final String CACHE_FOR_A_DAY = "public, max-age=86400";

    private final LocationRepository locations;

    LocationController(LocationRepository locations) {
        this.locations = locations;
    }

    @GetMapping("/divisions")
    @Operation(summary = "All divisions")
    ResponseEntity<List<DivisionResponse>> divisions() {
        return cacheable(locations.divisions());
    }

    @GetMapping("/divisions/{id}/districts")
    @Operation(summary = "The districts of a division", description = "404 when the division does not exist.")
    ResponseEntity<List<DistrictResponse>> districts(@PathVariable int id) {
        return cacheable(locations.districtsOf(id)
                .orElseThrow(() -> new ResourceNotFoundException("Division " + id)));
    }

    @GetMapping("/districts/{id}/thanas")
    @Operation(summary = "The upazilas and metropolitan thanas of a district",
            description = "404 when the district does not exist.")
    ResponseEntity<List<ThanaResponse>> thanas(@PathVariable int id) {
        return cacheable(locations.thanasOf(id)
                .orElseThrow(() -> new ResourceNotFoundException("District " + id)));
    }

    private static <T> ResponseEntity<T> cacheable(T body) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, CACHE_FOR_A_DAY).body(body);
    }
}
