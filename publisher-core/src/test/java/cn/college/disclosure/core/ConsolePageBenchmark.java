package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * Loads 10,000 items (4 departments, 4 channels each, mixed delivery statuses) with bulk SQL into
 * the test run's own database and times the console's main pages and {@code GET /api/items} over
 * HTTP, each page signed in as the person who uses it. Not part of the default build (the name
 * matches neither test pattern); run it by hand:
 *
 * <pre>
 * ./mvnw -B -pl publisher-core -am install -DskipTests
 * ./mvnw -B -pl publisher-core verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ConsolePageBenchmark
 * </pre>
 *
 * The figures are logged with the prefix {@code BENCHMARK}; the budget is 300 ms per page.
 */
@TestPropertySource(properties = "publisher.statistics.recompute-enabled=false")
class ConsolePageBenchmark extends PublisherCoreIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ConsolePageBenchmark.class);

    static final int ITEMS = 10_000;
    private static final int WARM_UP = 5;
    private static final int TIMED = 30;
    private static final long BUDGET_MILLIS = 300;

    @Test
    void consolePagesAnswerWithinTheBudgetAtTenThousandItems() throws Exception {
        long started = System.nanoTime();
        generate();
        log.info(
                "BENCHMARK loaded {} items, {} deliveries in {} ms",
                itemCount(),
                jdbc.sql("select count(*) from delivery").query(Long.class).single(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(post("/api/statistics/recompute", "admin", null).status()).isEqualTo(200);

        UUID oneItem =
                jdbc.sql(
                                "select id from item where department = '教务处' order by updated_at desc"
                                        + " offset 500 limit 1")
                        .query(UUID.class)
                        .single();
        int year = java.time.Year.now().getValue();

        Map<String, long[]> results = new LinkedHashMap<>();
        HttpClient liaison = signedIn("liaison");
        HttpClient admin = signedIn("admin");
        results.put("/console/items (liaison, 2,500 items)", time(liaison, "/console/items"));
        results.put(
                "/console/items?status=APPROVED&page=40 (liaison)",
                time(liaison, "/console/items?status=APPROVED&page=40"));
        results.put("/console/items (admin, all 10,000)", time(admin, "/console/items"));
        results.put(
                "/console/items?channel=WECHAT&deliveryStatus=FAILED (admin)",
                time(admin, "/console/items?channel=WECHAT&deliveryStatus=FAILED"));
        results.put("/console/items/{id} (liaison)", time(liaison, "/console/items/" + oneItem));
        results.put(
                "/console/operations (operator)",
                time(signedIn("operator"), "/console/operations"));
        results.put(
                "/console/statistics?year=" + year + " (reporter)",
                time(signedIn("reporter"), "/console/statistics?year=" + year));
        results.put("/console/admin/audit (admin)", time(admin, "/console/admin/audit"));
        HttpClient basic = HttpClient.newHttpClient();
        results.put("GET /api/items (liaison, Basic)", time(basic, "/api/items", "liaison"));
        results.put("GET /api/items (admin, Basic)", time(basic, "/api/items", "admin"));

        results.forEach(
                (page, millis) ->
                        log.info(
                                "BENCHMARK {}: p50 {} ms, p95 {} ms, max {} ms ({} requests)",
                                page,
                                millis[TIMED / 2],
                                millis[TIMED * 95 / 100],
                                millis[TIMED - 1],
                                TIMED));
        results.forEach(
                (page, millis) -> assertThat(millis[TIMED / 2]).as(page).isLessThan(BUDGET_MILLIS));
    }

    /** Sorted response times in milliseconds of {@link #TIMED} requests after a warm-up. */
    private long[] time(HttpClient client, String path) throws Exception {
        return time(client, path, null);
    }

    private long[] time(HttpClient client, String path, String basicUser) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            fetch(client, path, basicUser);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = fetch(client, path, basicUser);
            millis.add((System.nanoTime() - t) / 1_000_000);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        Collections.sort(millis);
        return millis.stream().mapToLong(Long::longValue).toArray();
    }

    private HttpResponse<String> fetch(HttpClient client, String path, String basicUser)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (basicUser != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (basicUser + ":demo")
                                                    .getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client with a console session: the login form, its CSRF token, the session cookie. */
    private HttpClient signedIn(String username) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        String form =
                client.send(
                                HttpRequest.newBuilder(uri("/login")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("CSRF token on the login form").isTrue();
        String body =
                "username="
                        + username
                        + "&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signed =
                client.send(
                        HttpRequest.newBuilder(uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signed.uri().getPath()).as(username + " signed in").startsWith("/console");
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * 10,000 approved items over the last year, a quarter each in 教务处, 学生处 and two others; four
     * deliveries each (2% FAILED, 1% UNCONFIRMED, the rest DELIVERED); an audit entry per approval.
     * INSERT ... SELECT over generate_series.
     */
    private void generate() {
        jdbc.sql(
                        """
                        insert into item (id, department, status, latest_version, live_version,
                            approved_by, approved_at, created_by, created_at, updated_at)
                        select md5('bench' || i)::uuid,
                            (array['教务处', '学生处', '科研处', '财务处'])[1 + i % 4],
                            'APPROVED', 1, 1, 'liaison', t.at, 'liaison', t.at, t.at
                        from generate_series(1, ?) i
                        cross join lateral (select now() - (i * interval '50 minutes') as at) t
                        """)
                .param(ITEMS)
                .update();
        jdbc.sql(
                        """
                        insert into item_version (item_id, version, status, title, summary, body,
                            catalogue_item, channels, produced_on, approved_by, approved_at,
                            updated_at)
                        select md5('bench' || i)::uuid, 1, 'APPROVED', '关于第' || i || '项工作的通知',
                            '摘要', '<p>正文</p>', 1 + i % 50,
                            'WEBSITE,WECHAT,LED_SCREEN,CAMPUS_PLATFORM',
                            (now() - (i * interval '50 minutes'))::date, 'liaison',
                            now() - (i * interval '50 minutes'), now() - (i * interval '50 minutes')
                        from generate_series(1, ?) i
                        """)
                .param(ITEMS)
                .update();
        jdbc.sql(
                        """
                        insert into delivery (item_id, version, channel, status, attempts,
                            external_url, detail, reported_at, updated_at, first_delivered_at)
                        select md5('bench' || i)::uuid, 1, c.channel, s.status, 1,
                            'https://example.edu.cn/' || c.channel || '/' || i,
                            case when s.status = 'DELIVERED' then null else 'synthetic' end,
                            t.at, t.at, case when s.status = 'DELIVERED' then t.at end
                        from generate_series(1, ?) i
                        cross join (values ('WEBSITE'), ('WECHAT'), ('LED_SCREEN'),
                            ('CAMPUS_PLATFORM')) c(channel)
                        cross join lateral (select now() - (i * interval '50 minutes')
                            + interval '1 minute' as at) t
                        cross join lateral (select case when i % 50 = 0 then 'FAILED'
                            when i % 100 = 1 then 'UNCONFIRMED' else 'DELIVERED' end as status) s
                        """)
                .param(ITEMS)
                .update();
        jdbc.sql(
                        """
                        insert into audit_entry (occurred_at, actor, action, item_id, version)
                        select now() - (i * interval '50 minutes'), 'liaison', 'APPROVED',
                            md5('bench' || i)::uuid, 1
                        from generate_series(1, ?) i
                        """)
                .param(ITEMS)
                .update();
        for (String table : List.of("item", "item_version", "delivery", "audit_entry")) {
            jdbc.sql("analyze " + table).update();
        }
    }
}
