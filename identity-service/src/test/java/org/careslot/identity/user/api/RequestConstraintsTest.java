package org.careslot.identity.user.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.careslot.identity.user.domain.BangladeshPhone;
import org.careslot.identity.user.domain.ProfileFields;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.StrongPassword;
import org.careslot.platform.web.problem.FieldErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The field rules of registration and profile changes, checked by plain Bean Validation (no Spring). */
class RequestConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    record Phone(@BangladeshPhone String value) {
    }

    record Password(@StrongPassword String value) {
    }

    static RegisterRequest registration(String role, String fullName, String email, String phone, String password) {
        return new RegisterRequest(role, fullName, email, phone, password, 1, 1, 1, null, null, null, null, null);
    }

    static RegisterRequest valid() {
        return registration("PATIENT", "Rahima Begum", "rahima@example.org", "+8801712345678", "Str0ng!Pass");
    }

    /** snake_case field → messages, as the platform's problem handler reports them. */
    static Map<String, List<String>> errors(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        return violations.stream().collect(Collectors.groupingBy(v -> snakeCase(v.getPropertyPath().toString()),
                TreeMap::new, Collectors.mapping(ConstraintViolation::getMessage, Collectors.toList())));
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8801712345678", "+8801012345678"})
    void acceptsPhonesOfTheContract(String phone) {
        assertThat(errors(new Phone(phone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01712345678", "+880171234567", "+88017123456789", "+8801712345a78", "+9101712345678",
            "+88 1712345678", "+8801712345678\n"})
    void rejectsOtherPhones(String phone) {
        assertThat(errors(new Phone(phone))).containsOnlyKeys("value");
    }

    @Test
    void aMissingPhoneIsLeftToNotBlank() {
        assertThat(errors(new Phone(null))).isEmpty();
        assertThat(errors(registration("PATIENT", "A B", "a@example.org", null, "Str0ng!Pass")))
                .containsExactly(Map.entry("phone", List.of("This field is required.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a b@example.com", "@example.com", "a@@example.com", "a@example..com"})
    void rejectsMalformedEmails(String email) {
        assertThat(errors(registration("PATIENT", "A B", email, "+8801712345678", "Str0ng!Pass")))
                .containsOnlyKeys("email");
    }

    @Test
    void acceptsOrdinaryEmailsAndTakesThemWithoutSurroundingBlanks() {
        assertThat(errors(valid())).isEmpty();
        RegisterRequest padded = registration(null, " Rahim Uddin ", " Rahim.Uddin+care@mail.example.com.bd ",
                "+8801712345678", "Str0ng!Pass");
        assertThat(errors(padded)).isEmpty();
        assertThat(padded.email()).isEqualTo("Rahim.Uddin+care@mail.example.com.bd");
        assertThat(padded.toRegistration().role()).isEqualTo(Role.PATIENT);
        assertThat(padded.toRegistration().fullName()).isEqualTo("Rahim Uddin");
    }

    @Test
    void passwordNeedsLengthUpperCaseDigitAndSpecialCharacterEachReported() {
        assertThat(errors(new Password("Str0ng!Pass"))).isEmpty();
        assertThat(errors(new Password("short")).get("value")).hasSize(4);
        assertThat(errors(new Password("alllowercase1!")).get("value"))
                .containsExactly("Password must contain at least one upper-case letter.");
        assertThat(errors(new Password("NoDigitsHere!")).get("value"))
                .containsExactly("Password must contain at least one digit.");
        assertThat(errors(new Password("NoSpecial123")).get("value"))
                .containsExactly("Password must contain at least one special character.");
        assertThat(errors(new Password("L0ng!" + "x".repeat(124))).get("value"))
                .containsExactly("Password must be at most 128 characters long.");
        assertThat(errors(new Password(null))).isEmpty();
    }

    @Test
    void collectsEveryFailingFieldAtOnce() {
        RegisterRequest request = new RegisterRequest("ROOT", " ", "x", "123", "x", null, 0, -1,
                null, "UNKNOWN", "C+", null, "x".repeat(4001));
        assertThat(errors(request)).containsOnlyKeys("role", "full_name", "email", "phone", "password", "division_id",
                "district_id", "thana_id", "gender", "blood_group", "medical_history");
        assertThat(errors(request).get("division_id")).containsExactly("This field is required.");
        assertThat(errors(request).get("thana_id")).containsExactly(ProfileFields.NOT_POSITIVE);
    }

    @Test
    void aFullNameIsAtMost150CharactersWithoutSurroundingBlanks() {
        assertThat(errors(registration("DOCTOR", "  " + "n".repeat(150) + "  ", "a@example.org", "+8801712345678",
                "Str0ng!Pass"))).isEmpty();
        assertThat(errors(registration("DOCTOR", "n".repeat(151), "a@example.org", "+8801712345678",
                "Str0ng!Pass"))).containsOnlyKeys("full_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE users;--", "<script>alert(1)</script>", "{{7*7}}", "${7*7}", "A & B",
            "Line\nbreak"})
    void aFullNameWithCharactersKeycloakRefusesIsRefusedHereNamingFullName(String fullName) {
        assertThat(errors(registration("PATIENT", fullName, "a@example.org", "+8801712345678", "Str0ng!Pass")))
                .containsOnlyKeys("full_name")
                .containsEntry("full_name", List.of(ProfileFields.INVALID_NAME_CHARACTERS));
        ProfileChangeRequest change = new ProfileChangeRequest();
        change.setFullName(fullName);
        assertThat(errors(change)).containsOnlyKeys("full_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rahima Begum", "Sean O'Brien", "Md. Abdul-Karim", "রহিমা বেগম", "José Núñez"})
    void everydayNamesPassTheCharacterRule(String fullName) {
        assertThat(errors(registration("PATIENT", fullName, "a@example.org", "+8801712345678", "Str0ng!Pass")))
                .isEmpty();
    }

    @Test
    void aProfileChangeKnowsWhichMembersWereSentAndChecksOnlyTheirFormat() {
        ProfileChangeRequest change = new ProfileChangeRequest();
        change.setPhone("123");
        change.setGender("X");
        change.setMedicalHistory(null);
        assertThat(errors(change)).containsOnlyKeys("phone", "gender");

        assertThat(change.toChange().present()).containsExactlyInAnyOrder("phone", "gender", "medical_history");
        assertThat(change.toChange().has("full_name")).isFalse();

        ProfileChangeRequest blankName = new ProfileChangeRequest();
        blankName.setFullName("   ");
        assertThat(errors(blankName)).containsOnlyKeys("full_name");
        assertThat(errors(new ProfileChangeRequest())).isEmpty();
    }

    @Test
    void medicalFieldsBelongToPatientsOnly() {
        FieldErrors patient = new FieldErrors();
        ProfileFields.checkPatientOnly(patient, "blood_group", "A+", Role.PATIENT);
        assertThat(patient.isEmpty()).isTrue();
        FieldErrors doctor = new FieldErrors();
        ProfileFields.checkPatientOnly(doctor, "blood_group", "A+", Role.DOCTOR);
        ProfileFields.checkPatientOnly(doctor, "medical_history", null, Role.DOCTOR);
        assertThat(doctor.asMap()).containsOnlyKeys("blood_group");
    }

    @Test
    void dateOfBirthMustLieInTheLast130Years() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        FieldErrors valid = new FieldErrors();
        ProfileFields.checkDateOfBirth(valid, LocalDate.of(1990, 1, 1), today);
        assertThat(valid.isEmpty()).isTrue();
        for (LocalDate wrong : List.of(today.plusDays(1), today.minusYears(130).minusDays(1))) {
            FieldErrors errors = new FieldErrors();
            ProfileFields.checkDateOfBirth(errors, wrong, today);
            assertThat(errors.asMap()).containsOnlyKeys("date_of_birth");
        }
    }

    @Test
    void notificationChannelsAreANonEmptyListOfDistinctKnownChannels() {
        for (List<String> valid : List.of(List.of("EMAIL"), List.of("SMS"), List.of("SMS", "EMAIL"))) {
            FieldErrors errors = new FieldErrors();
            ProfileFields.checkNotificationChannels(errors, valid);
            assertThat(errors.isEmpty()).as(valid.toString()).isTrue();
        }
        List<List<String>> invalid = new java.util.ArrayList<>(List.of(List.of(), List.of("FAX"), List.of("email"),
                List.of("EMAIL", "EMAIL"), List.of("SMS", "PUSH")));
        invalid.add(java.util.Collections.singletonList(null));
        invalid.add(null);
        for (List<String> wrong : invalid) {
            FieldErrors errors = new FieldErrors();
            ProfileFields.checkNotificationChannels(errors, wrong);
            assertThat(errors.asMap()).as(String.valueOf(wrong))
                    .containsExactly(Map.entry("notification_channels",
                            List.of(ProfileFields.INVALID_NOTIFICATION_CHANNELS)));
        }
    }

    @Test
    void notificationChannelsOfAnyOtherShapeReachTheRulesAsInvalidValues() {
        ProfileChangeRequest string = new ProfileChangeRequest();
        string.setNotificationChannels("EMAIL");
        ProfileChangeRequest numbers = new ProfileChangeRequest();
        numbers.setNotificationChannels(List.of(1, 2));
        ProfileChangeRequest cleared = new ProfileChangeRequest();
        cleared.setNotificationChannels(null);
        for (ProfileChangeRequest request : List.of(string, numbers, cleared)) {
            assertThat(request.toChange().has("notification_channels")).isTrue();
            FieldErrors errors = new FieldErrors();
            ProfileFields.checkNotificationChannels(errors, request.toChange().notificationChannels());
            assertThat(errors.asMap()).containsOnlyKeys("notification_channels");
        }
        ProfileChangeRequest both = new ProfileChangeRequest();
        both.setNotificationChannels(List.of("EMAIL", "SMS"));
        assertThat(both.toChange().notificationChannels()).containsExactly("EMAIL", "SMS");
    }
}
