package cn.college.disclosure.channel.website.site;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which files each page lists ({@code website_page_file}): the record that tells a retraction which
 * copies it may take down (those no other live page lists) and the file controller which copies it
 * may serve. Changes to it and to the copies on disk are made under one database lock ({@link
 * #lock}), so that a page taking a copy down and another one listing it never interleave, whichever
 * instance of the channel runs them.
 */
class PageFiles implements PublishedFiles {

    /** The advisory lock of the web root's files, the same number for every instance. */
    private static final long FILES_LOCK = 0x7765_6273_6974_6566L;

    private final JdbcClient jdbc;
    private final SiteFiles copies;

    PageFiles(JdbcClient jdbc, SiteFiles copies) {
        this.jdbc = jdbc;
        this.copies = copies;
    }

    /** Takes the files' lock until the current transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FILES_LOCK).query().singleRow();
    }

    /** The files the item's page lists (none if it has no page). */
    List<PageFile> of(UUID itemId) {
        return jdbc.sql(
                        "select sha256, file_name, content_type, size from website_page_file"
                                + " where item_id = ? order by sha256, file_name")
                .param(itemId)
                .query(PageFile.class)
                .list();
    }

    /** Records that the item's page lists exactly these files now. */
    void replace(UUID itemId, List<PageFile> files) {
        jdbc.sql("delete from website_page_file where item_id = ?").param(itemId).update();
        for (PageFile file : files.stream().distinct().toList()) {
            jdbc.sql(
                            "insert into website_page_file (item_id, sha256, file_name,"
                                    + " content_type, size) values (?, ?, ?, ?, ?)")
                    .params(itemId, file.sha256(), file.fileName(), file.contentType(), file.size())
                    .update();
        }
    }

    /** Whether a live page lists the copy (a retracted page's rows do not count). */
    boolean listedByLivePage(PageFile file) {
        return jdbc.sql(
                                "select count(*) from website_page_file f join website_page p"
                                        + " on p.item_id = f.item_id where f.sha256 = ? and"
                                        + " f.file_name = ? and p.retracted_at is null")
                        .params(file.sha256(), file.fileName())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Optional<PublishedFile> find(String sha256, String fileName) {
        return copies.pathOf(sha256, fileName)
                .flatMap(
                        path ->
                                jdbc.sql(
                                                "select f.content_type, f.size from"
                                                        + " website_page_file f join website_page p"
                                                        + " on p.item_id = f.item_id where"
                                                        + " f.sha256 = ? and f.file_name = ? and"
                                                        + " p.retracted_at is null limit 1")
                                        .params(sha256, fileName)
                                        .query(
                                                (row, number) ->
                                                        new PublishedFile(
                                                                path,
                                                                fileName,
                                                                row.getString("content_type"),
                                                                row.getLong("size")))
                                        .optional());
    }
}
