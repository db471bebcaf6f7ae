package org.careslot.doctor.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.doctor.profile.DoctorProfiles;
import org.careslot.doctor.profile.DoctorResponse;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Finding doctors: public, no token needed. */
@RestController
@Tag(name = "Doctor search (public)")
@SecurityRequirements // no token needed
class DoctorSearchController {

    private final DoctorSearch search;
    private final DoctorProfiles profiles;

    DoctorSearchController(DoctorSearch search, DoctorProfiles profiles) {
        this.search = search;
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/doctors")
    @Operation(summary = "Search doctors",
            description = "Lists doctors with a profile whose account (from identity-service) is known here and "
                    + "active; a deactivated doctor disappears, and a doctor whose account has not reached this "
                    + "service yet appears once it has (normally within seconds). All filters are optional and "
                    + "combine with AND: specialization (one of " + Specialization.CODES + ", case-insensitive), "
                    + "division_id, district_id, thana_id, min_fee and max_fee (BDT, inclusive), min_experience "
                    + "(years), available_on=YYYY-MM-DD (the doctor has a weekly slot on that date's weekday and the "
                    + "date is in none of the doctor's time offs), search (case-insensitive substring of the name, or "
                    + "of a speciality's code or label, e.g. 'cardio'). ordering: full_name (default), "
                    + "consultation_fee, -consultation_fee, experience_years, -experience_years; ties are broken by "
                    + "name and then id, so pages are stable. A bad value → 400 naming the parameter."
                    + " Paginated with page and page_size (default 20, max 100).")
    PageResponse<DoctorResponse> search(
            @RequestParam(required = false) String specialization,
            @RequestParam(name = "division_id", required = false) String divisionId,
            @RequestParam(name = "district_id", required = false) String districtId,
            @RequestParam(name = "thana_id", required = false) String thanaId,
            @RequestParam(name = "min_fee", required = false) String minFee,
            @RequestParam(name = "max_fee", required = false) String maxFee,
            @RequestParam(name = "min_experience", required = false) String minExperience,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(name = "available_on", required = false)
            String availableOn,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize) {
        Map<String, String> raw = new HashMap<>();
        raw.put("specialization", specialization);
        raw.put("division_id", divisionId);
        raw.put("district_id", districtId);
        raw.put("thana_id", thanaId);
        raw.put("min_fee", minFee);
        raw.put("max_fee", maxFee);
        raw.put("min_experience", minExperience);
        raw.put("available_on", availableOn);
        raw.put("search", search);
        raw.put("ordering", ordering);
        FieldErrors errors = new FieldErrors();
        SearchCriteria criteria = SearchCriteria.parse(raw, errors);
        PageQuery pageQuery = null;
        try {
            pageQuery = PageQuery.of(page, pageSize);
        } catch (InvalidFieldsException e) {
            e.errors().forEach((field, messages) -> messages.forEach(message -> errors.reject(field, message)));
        }
        errors.throwIfAny();
        DoctorSearch.Result result = this.search.search(criteria, pageQuery);
        return PageResponse.of(result.doctors().stream().map(DoctorResponse::of).toList(), result.count(), pageQuery);
    }

    @GetMapping("/api/v1/doctors/{id}")
    @Operation(summary = "One doctor",
            description = "Doctors that search lists. A doctor that is deactivated, or whose account is not known "
                    + "here yet, is 404 — except for admins and for that doctor (then is_active is false).")
    DoctorResponse doctor(@PathVariable String id, Authentication authentication) {
        UUID doctorId = PathIds.parse(id, "Doctor");
        CurrentUser caller = authentication instanceof JwtAuthenticationToken ? CurrentUser.from(authentication) : null;
        return DoctorResponse.of(profiles.visible(doctorId, caller == null ? null : caller.id(),
                caller != null && caller.isAdmin()));
    }
}
