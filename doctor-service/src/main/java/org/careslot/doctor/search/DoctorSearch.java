package org.careslot.doctor.search;

import org.careslot.doctor.profile.DoctorView;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.platform.web.paging.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The public doctor search: one page of listed doctors plus the total count, straight from SQL. */
@Service
public class DoctorSearch {

    /** One page and the number of all matches. */
    public record Result(List<DoctorView> doctors, long count) {
    }

    private static final RowMapper<DoctorView> ROW = (rs, row) -> new DoctorView(
            rs.getObject("id", UUID.class), rs.getString("full_name"),
            Specialization.valueOf(rs.getString("specialization")), rs.getString("license_number"),
            rs.getInt("experience_years"), rs.getBigDecimal("consultation_fee").setScale(2).toPlainString(),
            rs.getString("qualification"), rs.getString("bio"), rs.getObject("division_id", Integer.class),
            rs.getObject("district_id", Integer.class), rs.getObject("thana_id", Integer.class),
            rs.getString("time_zone"), true);

    private final NamedParameterJdbcTemplate jdbc;

    public DoctorSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Result search(SearchCriteria criteria, PageQuery page) {
        DoctorSearchQuery query = DoctorSearchQuery.of(criteria);
        MapSqlParameterSource params = new MapSqlParameterSource(query.params());
        Long count = jdbc.queryForObject(query.countSql(), params, Long.class);
        long total = count == null ? 0 : count;
        if (total == 0 || page.offset() >= total) {
            return new Result(List.of(), total);
        }
        params.addValue("limit", page.pageSize()).addValue("offset", page.offset());
        return new Result(jdbc.query(query.pageSql(), params, ROW), total);
    }
}
