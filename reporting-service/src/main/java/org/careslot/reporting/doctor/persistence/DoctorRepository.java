package org.careslot.reporting.doctor.persistence;

import org.careslot.reporting.doctor.DoctorSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

@Repository
public class DoctorRepository {

    private final JdbcClient jdbc;

    public DoctorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row without a sequence (known only through an appointment) is replaced by any profile. */
    public boolean upsertIfNewer(DoctorSnapshot doctor, long sequence) {
        return jdbc.sql("""
                        INSERT INTO doctor (id, full_name, time_zone, consultation_fee, is_active, sequence)
                        VALUES (:id, :name, :zone, :fee, :active, :sequence)
                        ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, time_zone = EXCLUDED.time_zone,
                            consultation_fee = EXCLUDED.consultation_fee, is_active = EXCLUDED.is_active,
                            sequence = EXCLUDED.sequence, updated_at = now()
                        WHERE doctor.sequence IS NULL OR doctor.sequence < EXCLUDED.sequence""")
                .param("id", doctor.id())
                .param("name", doctor.fullName())
                .param("zone", doctor.timeZone())
                .param("fee", doctor.consultationFee())
                .param("active", doctor.isActive() == null || doctor.isActive())
                .param("sequence", sequence)
                .update() == 1;
    }

    public void insertIfAbsent(UUID id, String timeZone) {
        jdbc.sql("INSERT INTO doctor (id, time_zone) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                .params(id, timeZone).update();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM doctor WHERE id = ?)").param(id).query(Boolean.class).single();
    }
}
