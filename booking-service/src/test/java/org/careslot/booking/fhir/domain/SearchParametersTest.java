package org.careslot.booking.fhir.domain;

import org.careslot.booking.fhir.domain.SearchParameters.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchParametersTest {

    static final Set<String> SLOT = Set.of("schedule", "start");

    static SearchParameters slot(String... starts) {
        return SearchParameters.of(Map.of("schedule", List.of("Schedule/" + UUID.randomUUID()), "start",
                List.of(starts)), SLOT, Set.of("start"));
    }

    static void rejects(Runnable search, String parameter) {
        assertThatThrownBy(search::run).isInstanceOfSatisfying(InvalidSearchException.class,
                e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    @Test
    void aRangeIsGeAndLtInEitherOrder() {
        assertThat(slot("ge2026-12-03", "lt2026-12-10").startRange())
                .isEqualTo(new DateRange(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 10)));
        assertThat(slot("le2026-12-09", "gt2026-12-02").startRange())
                .isEqualTo(new DateRange(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 10)));
        assertThat(slot("ge2026-12-01", "lt2027-01-01").startRange().until()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aMissingMalformedInvertedOrOversizedRangeNamesStart() {
        rejects(() -> slot("ge2026-12-03").startRange(), "start");
        rejects(() -> slot().startRange(), "start");
        rejects(() -> slot("ge2026-12-03", "lt2026-13-10").startRange(), "start");
        rejects(() -> slot("ge2026-02-30", "lt2026-03-10").startRange(), "start");
        rejects(() -> slot("eq2026-12-03", "lt2026-12-10").startRange(), "start");
        rejects(() -> slot("ge2026-12-03", "ge2026-12-04").startRange(), "start");
        rejects(() -> slot("ge2026-12-10", "lt2026-12-10").startRange(), "start");
        rejects(() -> slot("ge2026-12-01", "lt2027-01-02").startRange(), "start");
        rejects(() -> slot("x", "lt2027-01-02").startRange(), "start");
    }

    static SearchParameters appointmentDates(String... dates) {
        return SearchParameters.of(Map.of("date", List.of(dates)), Set.of("date"), Set.of("date"));
    }

    @Test
    void appointmentDatesAreOneDayOrInclusiveBoundsEitherOpen() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(appointmentDates("2026-12-03").dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(day, day));
        assertThat(appointmentDates("eq2026-12-03").dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(day, day));
        assertThat(appointmentDates("lt2026-12-10", "ge2026-12-03").dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(day, LocalDate.of(2026, 12, 9)));
        assertThat(appointmentDates("gt2026-12-02", "le2026-12-03").dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(day, day));
        assertThat(appointmentDates("ge2026-12-03").dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(day, null));
        assertThat(SearchParameters.of(Map.of(), Set.of("date"), Set.of("date")).dateBounds("date"))
                .isEqualTo(new SearchParameters.DateBounds(null, null));
    }

    @Test
    void aMalformedContradictoryOrInvertedDateNamesDate() {
        rejects(() -> appointmentDates("2026-13-03").dateBounds("date"), "date");
        rejects(() -> appointmentDates("sa2026-12-03").dateBounds("date"), "date");
        rejects(() -> appointmentDates("ge").dateBounds("date"), "date");
        rejects(() -> appointmentDates("").dateBounds("date"), "date");
        rejects(() -> appointmentDates("2026-12-03", "ge2026-12-01").dateBounds("date"), "date");
        rejects(() -> appointmentDates("ge2026-12-01", "gt2026-12-02").dateBounds("date"), "date");
        rejects(() -> appointmentDates("ge2026-12-05", "lt2026-12-05").dateBounds("date"), "date");
    }

    @Test
    void unknownOrRepeatedParametersAreNamed() {
        rejects(() -> SearchParameters.of(Map.of("name", List.of("x")), Set.of("_id"), Set.of()), "name");
        rejects(() -> SearchParameters.of(Map.of("_id", List.of("a", "b")), Set.of("_id"), Set.of()), "_id");
        rejects(() -> SearchParameters.of(Map.of("_format", List.of("xml")), Set.of("_id"), Set.of()), "_format");
        assertThat(SearchParameters.of(Map.of("_format", List.of("json")), Set.of("_id"), Set.of()).id("_id"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "Practitioner/123", "Patient/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e",
            "Practitioner/3f2c0a34-9c1e-4d4b-8f2a-6a1d2b3c4d5e/x"})
    void aBadReferenceIsNamed(String value) {
        rejects(() -> SearchParameters.of(Map.of("practitioner", List.of(value)), Set.of("practitioner"), Set.of())
                .reference("practitioner", "Practitioner"), "practitioner");
    }

    @Test
    void referencesMayBeBareIds() {
        UUID id = UUID.randomUUID();
        assertThat(SearchParameters.of(Map.of("actor", List.of(id.toString())), Set.of("actor"), Set.of())
                .reference("actor", "Practitioner")).contains(id);
        assertThat(SearchParameters.of(Map.of("actor", List.of("Practitioner/" + id)), Set.of("actor"), Set.of())
                .reference("actor", "Practitioner")).contains(id);
    }

    @Test
    void countAndPageAreBounded() {
        Set<String> paged = Set.of("_count", "_page");
        assertThat(SearchParameters.of(Map.of(), paged, Set.of()).count()).isEqualTo(20);
        assertThat(SearchParameters.of(Map.of(), paged, Set.of()).page()).isEqualTo(1);
        rejects(() -> SearchParameters.of(Map.of("_count", List.of("0")), paged, Set.of()).count(), "_count");
        rejects(() -> SearchParameters.of(Map.of("_count", List.of("101")), paged, Set.of()).count(), "_count");
        rejects(() -> SearchParameters.of(Map.of("_count", List.of("ten")), paged, Set.of()).count(), "_count");
        rejects(() -> SearchParameters.of(Map.of("_page", List.of("0")), paged, Set.of()).page(), "_page");
    }
}
