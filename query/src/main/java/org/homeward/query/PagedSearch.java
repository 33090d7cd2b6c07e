package org.homeward.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A page of a table's rows matching the filters a caller gave, and how many match in all: the search behind
 * every audit list. A filter left out (null) matches everything; conditions are fixed SQL, values parameters.
 */
public final class PagedSearch {

    /** The rows of one page and the number of rows that match in all. */
    public record Page<T>(long total, List<T> entries) {
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    /** @param condition SQL with one {@code ?}, such as {@code "actor_id = ?"}; left out when value is null */
    public PagedSearch where(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
        return this;
    }

    /** Rows whose {@code column} lies from {@code from} (inclusive) to {@code to} (exclusive); either may be null. */
    public PagedSearch between(String column, Instant from, Instant to) {
        where(column + " >= ?", from == null ? null : Timestamp.from(from));
        return where(column + " < ?", to == null ? null : Timestamp.from(to));
    }

    /** @param order fixed columns that make the order total, such as {@code "read_at desc, read_id"} */
    public <T> Page<T> run(JdbcTemplate jdbc, String table, String order, int page, int size, RowMapper<T> rows) {
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.queryForObject("select count(*) from " + table + filter, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        return new Page<>(total, jdbc.query("select * from " + table + filter + " order by " + order
                                            + " limit ? offset ?", rows, paged.toArray()));
    }
}
