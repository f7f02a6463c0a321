package cn.college.disclosure.core.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The years an admin uploaded, stored as the uploaded document. */
@Repository
class CalendarYears {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CalendarYears(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CalendarYear> all() {
        return jdbc
                .sql("select document from calendar_year order by year")
                .query(String.class)
                .list()
                .stream()
                .map(document -> json.readValue(document, CalendarYear.class))
                .toList();
    }

    void save(CalendarYear year, String uploadedBy, Instant at) {
        jdbc.sql(
                        """
                        insert into calendar_year (year, document, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?)
                        on conflict (year) do update set document = excluded.document,
                            uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at
                        """)
                .params(
                        year.year(),
                        json.writeValueAsString(year),
                        uploadedBy,
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
