package cn.college.disclosure.core.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploads: one row each, pointing at the stored bytes by their SHA-256. */
@Repository
class MediaFiles {

    private final JdbcClient jdbc;

    MediaFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(MediaFile file) {
        jdbc.sql(
                        """
                        insert into media (id, sha256, size, content_type, file_name, department,
                                           uploaded_by, uploaded_at)
                        values (:id, :sha256, :size, :contentType, :fileName, :department,
                                :uploadedBy, :uploadedAt)
                        """)
                .param("id", file.id())
                .param("sha256", file.sha256())
                .param("size", file.size())
                .param("contentType", file.contentType())
                .param("fileName", file.fileName())
                .param("department", file.department())
                .param("uploadedBy", file.uploadedBy())
                .param("uploadedAt", file.uploadedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<MediaFile> find(UUID id) {
        return jdbc.sql(
                        """
                        select id, sha256, size, content_type, file_name, department, uploaded_by,
                               uploaded_at
                        from media where id = ?
                        """)
                .param(id)
                .query(MediaFiles::row)
                .optional();
    }

    private static MediaFile row(ResultSet rs, int row) throws SQLException {
        return new MediaFile(
                rs.getObject("id", UUID.class),
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getString("content_type"),
                rs.getString("file_name"),
                rs.getString("department"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
