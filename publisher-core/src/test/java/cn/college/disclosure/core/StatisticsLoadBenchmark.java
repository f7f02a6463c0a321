package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * Loads a synthetic history (10 years, 4 channels, 1,000,000 delivered items: 4,000,000 deliveries)
 * with bulk SQL, recomputes the fact table and measures {@code GET /api/statistics/annual}. Not
 * part of the default build (the name matches neither test pattern); run it by hand:
 *
 * <pre>
 * ./mvnw -B -pl publisher-core -am install -DskipTests
 * ./mvnw -B -pl publisher-core verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=StatisticsLoadBenchmark
 * </pre>
 *
 * The figures are logged with the prefix {@code BENCHMARK}.
 */
@TestPropertySource(properties = "publisher.statistics.recompute-enabled=false")
class StatisticsLoadBenchmark extends PublisherCoreIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(StatisticsLoadBenchmark.class);

    static final int ITEMS = 1_000_000;

    @Test
    void annualStatisticsAtFourMillionDeliveries() {
        long started = System.nanoTime();
        generate(jdbc, ITEMS);
        long loaded = System.nanoTime();
        log.info(
                "BENCHMARK loaded {} items, {} deliveries in {} s",
                ITEMS,
                jdbc.sql("select count(*) from delivery").query(Long.class).single(),
                (loaded - started) / 1_000_000_000);

        Response recompute = post("/api/statistics/recompute", "admin", null);
        assertThat(recompute.status()).isEqualTo(200);
        log.info("BENCHMARK recompute of the fact table: {}", recompute.body());

        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/statistics/annual?year=2021", "reporter").status()).isEqualTo(200);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            Response response = get("/api/statistics/annual?year=" + (2018 + i % 9), "reporter");
            millis.add((System.nanoTime() - t) / 1_000_000);
            assertThat(response.status()).isEqualTo(200);
        }
        Collections.sort(millis);
        Response year = get("/api/statistics/annual?year=2021", "reporter");
        long total = 0;
        for (var channel : year.body().get("channels")) {
            total += channel.get("count").asLong();
        }
        log.info(
                "BENCHMARK GET /api/statistics/annual (30 requests, years 2018-2026): median {} ms,"
                        + " p95 {} ms, max {} ms; year 2021 counts {} deliveries",
                millis.get(15),
                millis.get(28),
                millis.get(29),
                total);
        long t = System.nanoTime();
        Response report = get("/api/statistics/annual/report?year=2021", "reporter");
        log.info(
                "BENCHMARK GET /api/statistics/annual/report: {} ms, {}",
                (System.nanoTime() - t) / 1_000_000,
                report.body().get("text").asString());
        assertThat(millis.get(15)).isLessThan(1000);
    }

    /**
     * The synthetic history: item i is first delivered on all four channels at an instant spread
     * evenly over the ten years before yesterday; 12 departments, catalogue items 1-50, produced 0
     * to 39 days earlier; 1% of WeChat deliveries retracted. Three INSERT ... SELECT over
     * generate_series.
     */
    static void generate(org.springframework.jdbc.core.simple.JdbcClient jdbc, int items) {
        jdbc.sql(
                        """
                        insert into item (id, department, status, latest_version, live_version,
                            created_by, created_at, updated_at)
                        select md5('item' || i)::uuid, '部门' || (i % 12), 'APPROVED', 1, 1,
                            'generator', now(), now()
                        from generate_series(1, ?) i
                        """)
                .param(items)
                .update();
        jdbc.sql(
                        """
                        insert into item_version (item_id, version, status, title, body,
                            catalogue_item, channels, produced_on, updated_at)
                        select md5('item' || i)::uuid, 1, 'APPROVED', '条目' || i, '<p>x</p>',
                            1 + i % 50, 'WEBSITE,WECHAT,LED_SCREEN,CAMPUS_PLATFORM',
                            (date_trunc('day', now() - interval '3652 days')
                                + (i::double precision / ? * 3650) * interval '1 day')::date
                                - (i % 40),
                            now()
                        from generate_series(1, ?) i
                        """)
                .params(items, items)
                .update();
        jdbc.sql(
                        """
                        insert into delivery (item_id, version, channel, status, attempts,
                            external_url, reported_at, updated_at, first_delivered_at)
                        select md5('item' || i)::uuid, 1, c.channel,
                            case when c.channel = 'WECHAT' and i % 100 = 0 then 'RETRACTED'
                                 else 'DELIVERED' end,
                            1, 'https://example.edu.cn/' || c.channel || '/' || i, t.at, t.at, t.at
                        from generate_series(1, ?) i
                        cross join (values ('WEBSITE', 0), ('WECHAT', 1), ('LED_SCREEN', 2),
                            ('CAMPUS_PLATFORM', 3)) c(channel, n)
                        cross join lateral (select date_trunc('day', now() - interval '3652 days')
                            + (i::double precision / ? * 3650) * interval '1 day'
                            + c.n * interval '7 minutes' as at) t
                        """)
                .params(items, items)
                .update();
        jdbc.sql("analyze delivery").update();
        jdbc.sql("analyze item").update();
        jdbc.sql("analyze item_version").update();
    }
}
