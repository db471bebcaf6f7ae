package org.careslot.doctor.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies of doctor profiles. */
public final class Profiles {

    private Profiles() {
    }

    public static String uniqueLicense() {
        return "BMDC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A valid profile body (mutable, so tests can break one field). */
    public static Map<String, Object> profile(String specialization, Object fee, int experience) {
        Map<String, Object> body = new HashMap<>();
        body.put("specialization", specialization);
        body.put("license_number", uniqueLicense());
        body.put("experience_years", experience);
        body.put("consultation_fee", fee);
        body.put("qualification", "MBBS, FCPS");
        body.put("bio", "Consults at the district hospital.");
        return body;
    }

    public static Map<String, Object> profile() {
        return profile("CARDIOLOGY", "500.00", 10);
    }

    public static Map<String, Object> slot(String weekday, String start, String end, Integer slotMinutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("weekday", weekday);
        body.put("start_time", start);
        body.put("end_time", end);
        if (slotMinutes != null) {
            body.put("slot_minutes", slotMinutes);
        }
        return body;
    }
}
