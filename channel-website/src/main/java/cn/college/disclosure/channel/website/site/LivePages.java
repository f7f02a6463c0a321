package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.contract.CatalogueEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The website's pages, live and retracted, in the channel's schema: the source the index, the feed
 * and the sitemap are generated from.
 */
class LivePages implements RetractedPages {

    private final JdbcClient jdbc;

    LivePages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Page page) {
        CatalogueEntry catalogue = page.catalogueItem();
        jdbc.sql(
                        "insert into website_page (item_id, version, title, summary, department,"
                                + " catalogue_number, catalogue_name, category_number, category_name,"
                                + " published_at, retracted_at) values (:item, :version, :title,"
                                + " :summary, :department, :number, :name, :categoryNumber,"
                                + " :categoryName, :published, null) on conflict (item_id) do update"
                                + " set version = :version, title = :title, summary = :summary,"
                                + " department = :department, catalogue_number = :number,"
                                + " catalogue_name = :name, category_number = :categoryNumber,"
                                + " category_name = :categoryName, published_at = :published,"
                                + " retracted_at = null")
                .param("item", page.itemId())
                .param("version", page.version())
                .param("title", page.title())
                .param("summary", page.summary())
                .param("department", page.department())
                .param("number", catalogue == null ? null : catalogue.number())
                .param("name", catalogue == null ? null : catalogue.name())
                .param("categoryNumber", catalogue == null ? null : catalogue.categoryNumber())
                .param("categoryName", catalogue == null ? null : catalogue.categoryName())
                .param("published", page.publishedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    void markRetracted(UUID itemId, Instant at) {
        jdbc.sql("update website_page set retracted_at = ? where item_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), itemId)
                .update();
    }

    List<Page> live() {
        return jdbc.sql(
                        "select * from website_page where retracted_at is null"
                                + " order by published_at desc")
                .query(LivePages::page)
                .list();
    }

    @Override
    public boolean wasRetracted(UUID itemId) {
        return jdbc.sql(
                                "select count(*) from website_page where item_id = ? and"
                                        + " retracted_at is not null")
                        .param(itemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Page page(ResultSet row, int number) throws SQLException {
        int catalogueNumber = row.getInt("catalogue_number");
        CatalogueEntry catalogue =
                row.wasNull()
                        ? null
                        : new CatalogueEntry(
                                catalogueNumber,
                                row.getString("catalogue_name"),
                                row.getInt("category_number"),
                                row.getString("category_name"),
                                "");
        return new Page(
                row.getObject("item_id", UUID.class),
                row.getInt("version"),
                row.getString("title"),
                row.getString("summary"),
                row.getString("department"),
                catalogue,
                row.getTimestamp("published_at").toInstant());
    }
}
