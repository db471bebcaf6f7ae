package org.careslot.doctor.search;

import org.careslot.doctor.profile.domain.Specialization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one search: a page query and a count query over {@code doctor_profile} joined with the doctors' accounts
 * ({@code known_user}), with only the filters that were asked for. Every value is a bind parameter. Listed are only
 * active DOCTOR accounts with a profile; the predicate {@code u.is_active AND u.role = 'DOCTOR'} matches the partial
 * indexes of migration V1.
 *
 * @param where  the WHERE clause (without the keyword)
 * @param params named parameters of both queries
 */
public record DoctorSearchQuery(String where, String orderBy, Map<String, Object> params) {

    static final String FROM = "doctor_profile p JOIN known_user u ON u.id = p.id";
    static final String COLUMNS = """
            p.id, u.full_name, p.specialization, p.license_number, p.experience_years, p.consultation_fee,
            p.qualification, p.bio, u.division_id, u.district_id, u.thana_id, p.time_zone""";

    public static DoctorSearchQuery of(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder("u.is_active AND u.role = 'DOCTOR'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.specialization() != null) {
            where.append(" AND p.specialization = :specialization");
            params.put("specialization", criteria.specialization().name());
        }
        if (criteria.divisionId() != null) {
            where.append(" AND u.division_id = :divisionId");
            params.put("divisionId", criteria.divisionId());
        }
        if (criteria.districtId() != null) {
            where.append(" AND u.district_id = :districtId");
            params.put("districtId", criteria.districtId());
        }
        if (criteria.thanaId() != null) {
            where.append(" AND u.thana_id = :thanaId");
            params.put("thanaId", criteria.thanaId());
        }
        if (criteria.minFee() != null) {
            where.append(" AND p.consultation_fee >= :minFee");
            params.put("minFee", criteria.minFee());
        }
        if (criteria.maxFee() != null) {
            where.append(" AND p.consultation_fee <= :maxFee");
            params.put("maxFee", criteria.maxFee());
        }
        if (criteria.minExperience() != null) {
            where.append(" AND p.experience_years >= :minExperience");
            params.put("minExperience", criteria.minExperience());
        }
        if (criteria.availableOn() != null) {
            // a slot on that weekday, and the date inside none of the doctor's time offs
            where.append(" AND EXISTS (SELECT 1 FROM time_slot s WHERE s.doctor_id = p.id AND s.weekday = :weekday)")
                    .append(" AND NOT EXISTS (SELECT 1 FROM time_off o WHERE o.doctor_id = p.id")
                    .append(" AND o.date_from <= :availableOn AND o.date_to >= :availableOn)");
            params.put("weekday", (short) criteria.availableOn().getDayOfWeek().getValue());
            params.put("availableOn", criteria.availableOn());
        }
        if (criteria.search() != null) {
            // the name contains the term (trigram index), or the speciality's code or label does (matched in Java
            // against the fixed list)
            params.put("namePattern", "%" + escapeLike(criteria.search()) + "%");
            List<String> codes = criteria.searchSpecializations().stream().map(Specialization::name).toList();
            if (codes.isEmpty()) {
                where.append(" AND u.full_name ILIKE :namePattern");
            } else {
                where.append(" AND (u.full_name ILIKE :namePattern OR p.specialization IN (:searchCodes))");
                params.put("searchCodes", codes);
            }
        }
        return new DoctorSearchQuery(where.toString(), orderBy(criteria.ordering()), params);
    }

    private static String orderBy(SearchCriteria.Ordering ordering) {
        String byName = "lower(u.full_name), p.id";
        return switch (ordering) {
            case FULL_NAME -> byName;
            case CONSULTATION_FEE -> "p.consultation_fee, " + byName;
            case CONSULTATION_FEE_DESC -> "p.consultation_fee DESC, " + byName;
            case EXPERIENCE_YEARS -> "p.experience_years, " + byName;
            case EXPERIENCE_YEARS_DESC -> "p.experience_years DESC, " + byName;
        };
    }

    /** The page query; binds {@code :limit} and {@code :offset} besides {@link #params()}. */
    public String pageSql() {
        return "SELECT " + COLUMNS + " FROM " + FROM + " WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset";
    }

    public String countSql() {
        return "SELECT count(*) FROM " + FROM + " WHERE " + where;
    }

    /** Backslash is PostgreSQL's default LIKE escape character. */
    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
