package org.careslot.identity.user;

import org.careslot.identity.user.domain.ProfileRules;
import org.careslot.identity.user.domain.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+8801712345678", "+8801012345678"})
    void acceptsPhonesOfTheContract(String phone) {
        assertThat(new ProfileRules().phone(phone).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01712345678", "+880171234567", "+88017123456789", "+8801712345a78", "+9101712345678",
            "+88 1712345678"})
    void rejectsOtherPhones(String phone) {
        assertThat(new ProfileRules().phone(phone).errors()).containsOnlyKeys("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a b@example.com", "@example.com", "a@@example.com", "a@example..com"})
    void rejectsMalformedEmails(String email) {
        assertThat(new ProfileRules().email(email).errors()).containsOnlyKeys("email");
    }

    @Test
    void acceptsOrdinaryEmails() {
        assertThat(new ProfileRules().email("Rahim.Uddin+care@mail.example.com.bd").isValid()).isTrue();
    }

    @Test
    void passwordNeedsLengthUpperCaseDigitAndSpecialCharacterEachReported() {
        assertThat(new ProfileRules().password("Str0ng!Pass").isValid()).isTrue();
        assertThat(new ProfileRules().password("short").errors().get("password")).hasSize(4);
        assertThat(new ProfileRules().password("alllowercase1!").errors().get("password"))
                .containsExactly("Password must contain at least one upper-case letter.");
        assertThat(new ProfileRules().password("NoDigitsHere!").errors().get("password"))
                .containsExactly("Password must contain at least one digit.");
        assertThat(new ProfileRules().password("NoSpecial123").errors().get("password"))
                .containsExactly("Password must contain at least one special character.");
    }

    @Test
    void medicalFieldsBelongToPatientsOnly() {
        assertThat(new ProfileRules().patientOnly("blood_group", "A+", Role.PATIENT).isValid()).isTrue();
        assertThat(new ProfileRules().patientOnly("blood_group", "A+", Role.DOCTOR).errors())
                .containsOnlyKeys("blood_group");
    }

    @Test
    void dateOfBirthMustLieInThePast() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(new ProfileRules().dateOfBirth(LocalDate.of(1990, 1, 1), today).isValid()).isTrue();
        assertThat(new ProfileRules().dateOfBirth(today.plusDays(1), today).errors()).containsOnlyKeys("date_of_birth");
    }

    @Test
    void collectsEveryFailingFieldAtOnce() {
        ProfileRules rules = new ProfileRules().required("full_name", " ").phone("123").email("x").password("x")
                .gender("UNKNOWN").bloodGroup("C+");
        assertThat(rules.errors()).containsOnlyKeys("full_name", "phone", "email", "password", "gender", "blood_group");
    }
}
