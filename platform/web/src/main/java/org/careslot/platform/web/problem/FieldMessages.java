package org.careslot.platform.web.problem;

/**
 * The wording of field problems, shared by hand-written rules ({@link FieldErrors}) and Bean Validation (the same
 * texts are the defaults in {@code ValidationMessages.properties}), so a client sees one vocabulary everywhere.
 */
public final class FieldMessages {

    public static final String REQUIRED = "This field is required.";
    public static final String INVALID = "Has an invalid value or type.";
    public static final String UUID = "Must be a UUID.";
    public static final String DATE = "Must be a date YYYY-MM-DD.";
    public static final String TIME = "Must be a time HH:MM (00:00 to 23:59).";
    public static final String PARAMETER_REQUIRED = "This parameter is required.";
    /** {@link #atMost} as a Bean Validation message: {@code @Size(max = 500, message = FieldMessages.AT_MOST_TEMPLATE)}. */
    public static final String AT_MOST_TEMPLATE = "{org.careslot.platform.web.problem.FieldMessages.atMost}";

    private FieldMessages() {
    }

    public static String atMost(int max) {
        return "Must be at most " + max + " characters.";
    }
}
