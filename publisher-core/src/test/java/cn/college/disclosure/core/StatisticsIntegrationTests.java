package cn.college.disclosure.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.Topics;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The statistics over the real listener, database and fact table. Each test owns its departments
 * (fresh names), and only {@link #theReportOfAFixtureYearReadsLikeTheSeed()} delivers anything in
 * statistics year 2023, so the tests do not see each other's items.
 */
class StatisticsIntegrationTests extends PublisherCoreIntegrationTest {

    @Autowired KafkaTemplate<String, Object> kafka;

    private final List<UUID> sent = new ArrayList<>();

    @Test
    void anItemCountsInTheStatisticsYearOfItsFirstDeliveryInChinaTime() throws Exception {
        String department = department();
        deliver(item(department, 1, null), Channel.WEBSITE, "2021-08-31T23:59:59+08:00");
        deliver(item(department, 1, null), Channel.WEBSITE, "2021-08-31T15:59:59Z");
        deliver(item(department, 1, null), Channel.WEBSITE, "2021-09-01T00:00:00+08:00");
        deliver(item(department, 1, null), Channel.WEBSITE, "2021-08-31T16:00:00Z");
        awaitApplied();

        assertThat(departmentCount(2021, department, Channel.WEBSITE)).isEqualTo(2);
        assertThat(departmentCount(2022, department, Channel.WEBSITE)).isEqualTo(2);
        JsonNode range =
                get("/api/statistics/annual?from=2021-08-31&to=2021-08-31", "reporter").body();
        assertThat(departmentCount(range, department, Channel.WEBSITE)).isEqualTo(2);
    }

    @Test
    void laterVersionsRetractionsAndWeChatDeletionsFollowTheCountingRule() throws Exception {
        String department = department();
        // v1 in year 2021, v2 in year 2022: counted once, in 2021
        UUID revised = item(department, 7, null);
        version(revised, 2, 7);
        deliver(revised, 1, Channel.WECHAT, DeliveryStatus.DELIVERED, "2021-03-01T10:00:00+08:00");
        deliver(revised, 2, Channel.WECHAT, DeliveryStatus.DELIVERED, "2021-10-08T10:00:00+08:00");
        deliver(revised, 1, Channel.WECHAT, DeliveryStatus.RETRACTED, "2021-10-08T10:00:05+08:00");
        // delivered in 2022, then WeChat reports publish_status 6 (blocked by the platform)
        UUID blocked = item(department, 7, null);
        deliver(blocked, 1, Channel.WECHAT, DeliveryStatus.DELIVERED, "2021-11-02T09:00:00+08:00");
        // delivered in 2022, retracted by the college in the next year
        UUID withdrawn = item(department, 7, null);
        deliver(
                withdrawn,
                1,
                Channel.WEBSITE,
                DeliveryStatus.DELIVERED,
                "2022-01-05T09:00:00+08:00");
        // never delivered: none of them counts
        deliver(
                item(department, 7, null),
                1,
                Channel.WECHAT,
                DeliveryStatus.FAILED,
                "2021-12-01T09:00:00+08:00");
        deliver(
                item(department, 7, null),
                1,
                Channel.WECHAT,
                DeliveryStatus.UNCONFIRMED,
                "2021-12-01T09:00:00+08:00");
        deliver(
                item(department, 7, null),
                1,
                Channel.WECHAT,
                DeliveryStatus.SKIPPED,
                "2021-12-01T09:00:00+08:00");
        deliver(
                item(department, 7, null),
                1,
                Channel.WECHAT,
                DeliveryStatus.PENDING,
                "2021-12-01T09:00:00+08:00");
        awaitApplied();

        JsonNode before = get("/api/statistics/annual?year=2022", "reporter").body();
        assertThat(departmentRow(before, department, Channel.WECHAT).get("count").asLong())
                .isEqualTo(1);
        assertThat(departmentRow(before, department, Channel.WECHAT).get("retracted").asLong())
                .isZero();
        assertThat(departmentCount(2021, department, Channel.WECHAT)).isEqualTo(1);

        // later reports: WeChat's publish_status 6 and the college's retraction
        deliver(blocked, 1, Channel.WECHAT, DeliveryStatus.RETRACTED, "2022-04-01T09:00:00+08:00");
        deliver(
                withdrawn,
                1,
                Channel.WEBSITE,
                DeliveryStatus.RETRACTED,
                "2022-09-15T09:00:00+08:00");
        awaitApplied();

        JsonNode after = get("/api/statistics/annual?year=2022", "reporter").body();
        assertThat(departmentRow(after, department, Channel.WECHAT).get("count").asLong())
                .isEqualTo(1);
        assertThat(departmentRow(after, department, Channel.WECHAT).get("retracted").asLong())
                .isEqualTo(1);
        assertThat(departmentRow(after, department, Channel.WEBSITE).get("count").asLong())
                .isEqualTo(1);
        assertThat(departmentRow(after, department, Channel.WEBSITE).get("retracted").asLong())
                .isEqualTo(1);
        assertThat(
                        channel(after, "WECHAT").get("stillPublished").asLong()
                                - channel(before, "WECHAT").get("stillPublished").asLong())
                .isEqualTo(-1);
        assertThat(
                        channel(after, "WECHAT").get("failed").asLong()
                                - channel(before, "WECHAT").get("failed").asLong())
                .isZero();
        // the first delivery's date survives the later RETRACTED status
        assertThat(
                        jdbc.sql(
                                        "select first_delivered_at from delivery where item_id = ? and channel = 'WECHAT'")
                                .param(blocked)
                                .query(OffsetDateTime.class)
                                .single()
                                .toInstant())
                .isEqualTo(Instant.parse("2021-11-02T01:00:00Z"));
        assertThat(departmentCount(2021, department, Channel.WECHAT)).isEqualTo(1);
    }

    @Test
    void aRevisedItemRetractedAfterItsSecondVersionIsRetractedOnEveryChannelWithoutALink()
            throws Exception {
        String department = department();
        // version 1 on every channel, then version 2 replaces it, then the item is retracted:
        // the channels report the retraction on version 2 only
        UUID revised = item(department, 5, null);
        version(revised, 2, 5);
        for (Channel channel : Channel.values()) {
            deliver(revised, 1, channel, DeliveryStatus.DELIVERED, "2024-03-01T10:00:00+08:00");
            deliver(revised, 2, channel, DeliveryStatus.DELIVERED, "2024-04-01T10:00:00+08:00");
            deliver(revised, 2, channel, DeliveryStatus.RETRACTED, "2024-05-01T10:00:00+08:00");
        }
        awaitApplied();

        JsonNode statistics = get("/api/statistics/annual?year=2024", "reporter").body();
        for (Channel channel : Channel.values()) {
            JsonNode row = departmentRow(statistics, department, channel);
            assertThat(row).as("%s", channel).isNotNull();
            assertThat(row.get("count").asLong()).as("%s", channel).isEqualTo(1);
            assertThat(row.get("retracted").asLong()).as("%s", channel).isEqualTo(1);
            JsonNode total = channel(statistics, channel.name());
            assertThat(total.get("stillPublished").asLong())
                    .isEqualTo(total.get("count").asLong() - total.get("retracted").asLong());
        }
        // the report sentence says 其中已撤回 on each of the four channels (only this test
        // delivers in statistics year 2024)
        String report = text("/api/statistics/annual/report.txt?year=2024", "text/plain");
        assertThat(report.split("其中已撤回1条", -1)).hasSize(Channel.values().length + 1);
        // the workbook's item list: 已撤回 = 是 on all four channels, no link to a dead page
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(
                        new ByteArrayInputStream(bytes("/api/statistics/annual.xlsx?year=2024")))) {
            int rows = 0;
            for (Row row : workbook.getSheet("items")) {
                if (row.getCell(2) != null
                        && row.getCell(2).getStringCellValue().equals(revised.toString())) {
                    rows++;
                    assertThat(row.getCell(8).getStringCellValue()).isEqualTo("是");
                    assertThat(
                                    row.getCell(9) == null
                                            || row.getCell(9).getStringCellValue().isEmpty())
                            .as("no link in %s", row.getCell(0))
                            .isTrue();
                }
            }
            assertThat(rows).isEqualTo(Channel.values().length);
        }
        // the CSV's department rows say the same
        String csv = text("/api/statistics/annual.csv?year=2024", "text/csv");
        assertThat(csv.lines().filter(line -> line.contains(department)))
                .hasSize(Channel.values().length)
                .allMatch(line -> line.split(",")[7].equals("1"), "retracted = 1");
    }

    @Test
    void theReportOfAFixtureYearReadsLikeTheSeed() throws Exception {
        String department = department();
        UUID charter = item(department, 2, LocalDate.of(2022, 9, 1));
        deliver(charter, Channel.WEBSITE, "2022-09-05T09:00:00+08:00");
        deliver(charter, Channel.WECHAT, "2022-09-05T09:30:00+08:00");
        // produced before National Day: 2022-10-08/09 (Sat/Sun) are make-up working days, so the
        // twentieth working day is 10-31; with weekends alone it would be 10-26
        UUID admissions = item(department, 7, LocalDate.of(2022, 9, 28));
        deliver(admissions, Channel.WECHAT, "2022-10-28T10:00:00+08:00");
        deliver(admissions, Channel.CAMPUS_PLATFORM, "2022-10-28T11:00:00+08:00");
        UUID late = item(department, 7, LocalDate.of(2022, 9, 1));
        deliver(late, Channel.WEBSITE, "2023-08-31T23:59:00+08:00");
        deliver(late, Channel.WECHAT, "2023-08-31T23:59:30+08:00");
        deliver(late, 1, Channel.WECHAT, DeliveryStatus.RETRACTED, "2023-09-02T08:00:00+08:00");
        awaitApplied();
        Response manual =
                call(
                        HttpMethod.PUT,
                        "/api/statistics/manual-counts/2023",
                        "reporter",
                        Map.of("counts", Map.of("BULLETIN_BOARD", 12, "PRINTED_DOCUMENTS", 5)));
        assertThat(manual.status()).isEqualTo(200);
        assertThat(manual.body().at("/channels/BULLETIN_BOARD/count").asLong()).isEqualTo(12);

        Response report = get("/api/statistics/annual/report?year=2023", "reporter");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("text").asString())
                .isEqualTo(
                        "2022年9月1日-2023年8月31日，学院通过学院官方网站、微信公众平台、AIC智能校园服务平台、公示栏、印发纸质文件"
                                + "等线上线下载体发布信息。其中，学院官方网站发布信息2条，微信公众平台发布简讯3条（其中已撤回1条），"
                                + "AIC智能校园服务平台发布信息1条，公示栏发布信息12条（人工统计），印发纸质文件发布文件5条（人工统计）。"
                                + "公开信息涉及基本信息、招生考试信息等方面的内容。");
        JsonNode items = report.body().get("catalogueItems");
        assertThat(items.size()).isEqualTo(50);
        JsonNode seven = items.get(6);
        assertThat(seven.get("number").asInt()).isEqualTo(7);
        assertThat(seven.get("items").asLong()).isEqualTo(2);
        assertThat(seven.get("lastDay").asString()).isEqualTo("2023-08-31");
        assertThat(seven.get("channels").toString())
                .isEqualTo("[\"学院官方网站\",\"微信公众平台\",\"AIC智能校园服务平台\"]");
        assertThat(seven.get("status").asString()).isEqualTo("已公开");
        assertThat(items.get(2).get("flagged").asBoolean()).isTrue();
        assertThat(items.get(2).get("status").asString()).isEqualTo("本期未公开");
        assertThat(items.get(10).get("status").asString()).isEqualTo("不涉及");
        assertThat(items.get(10).get("flagged").asBoolean()).isFalse();

        JsonNode statistics = get("/api/statistics/annual?year=2023", "reporter").body();
        assertThat(statistics.at("/period/from").asString()).isEqualTo("2022-09-01T00:00:00+08:00");
        assertThat(statistics.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode admissionsTimeliness = statistics.get("timeliness").get(1);
        assertThat(admissionsTimeliness.get("category").asInt()).isEqualTo(2);
        assertThat(admissionsTimeliness.get("onTime").asLong()).isEqualTo(1);
        assertThat(admissionsTimeliness.get("late").asLong()).isEqualTo(1);
        assertThat(channel(statistics, "BULLETIN_BOARD").get("manual").asBoolean()).isTrue();
        assertThat(month(statistics, "WECHAT", "2022-10")).isEqualTo(1);
        assertThat(month(statistics, "WECHAT", "2023-08")).isEqualTo(1);

        String text = text("/api/statistics/annual/report.txt?year=2023", "text/plain");
        assertThat(text).contains("11\t研究生招生简章与目录\t招生考试信息\t不涉及");
        String csv = text("/api/statistics/annual.csv?year=2023", "text/csv");
        assertThat(csv).contains("summary,BULLETIN_BOARD,公示栏,true,,信息,12,,");
        assertThat(csv).contains("summary,WECHAT,微信公众平台,false,,简讯,3,1,0");

        byte[] xlsx = bytes("/api/statistics/annual.xlsx?year=2023");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheetName(5)).isEqualTo("items");
            Sheet summary = workbook.getSheet("summary");
            assertThat(summary.getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("2022年9月1日-2023年8月31日");
            Row wechat = findRow(summary, "WECHAT");
            assertThat(wechat.getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(wechat.getCell(4).getNumericCellValue()).isEqualTo(1);
            Sheet list = workbook.getSheet("items");
            assertThat(list.getLastRowNum()).isEqualTo(6);
            Row first = list.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("学院官方网站");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("2022-09-05 09:00:00");
            assertThat(first.getCell(9).getStringCellValue())
                    .isEqualTo("https://example.edu.cn/WEBSITE/" + charter);
            assertThat(workbook.getSheet("timeliness").getRow(2).getCell(3).getNumericCellValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void recomputingTwiceGivesIdenticalRowsAndTotalsEqualADirectCountOverTheLedger()
            throws Exception {
        String department = department();
        deliver(
                item(department, 20, LocalDate.of(2020, 12, 1)),
                Channel.LED_SCREEN,
                "2020-12-03T12:00:00+08:00");
        deliver(item(department, 21, null), Channel.WEBSITE, "2021-05-03T12:00:00+08:00");
        // revised, approved again, then retracted: the retraction is reported on version 2
        UUID revised = item(department, 22, null);
        version(revised, 2, 22);
        for (Channel channel : List.of(Channel.WEBSITE, Channel.CAMPUS_PLATFORM)) {
            deliver(revised, 1, channel, DeliveryStatus.DELIVERED, "2021-06-01T12:00:00+08:00");
            deliver(revised, 2, channel, DeliveryStatus.DELIVERED, "2021-06-08T12:00:00+08:00");
            deliver(revised, 2, channel, DeliveryStatus.RETRACTED, "2021-06-09T12:00:00+08:00");
        }
        awaitApplied();

        assertThat(post("/api/statistics/recompute", "admin", null).status()).isEqualTo(200);
        List<Map<String, Object>> once = facts();
        assertThat(post("/api/statistics/recompute", "admin", null).status()).isEqualTo(200);
        assertThat(facts()).isEqualTo(once).isNotEmpty();

        for (int year : List.of(2021, 2022, 2023, 2024)) {
            JsonNode statistics = get("/api/statistics/annual?year=" + year, "reporter").body();
            Map<String, Long> direct = directCounts(year);
            Map<String, Long> directRetracted = directRetractedCounts(year);
            for (Channel channel : Channel.values()) {
                assertThat(channel(statistics, channel.name()).get("count").asLong())
                        .as("%s in %d", channel, year)
                        .isEqualTo(direct.getOrDefault(channel.name(), 0L));
                assertThat(channel(statistics, channel.name()).get("retracted").asLong())
                        .as("retracted on %s in %d", channel, year)
                        .isEqualTo(directRetracted.getOrDefault(channel.name(), 0L));
            }
        }
        assertThat(post("/api/statistics/recompute", "reporter", null).status()).isEqualTo(403);
    }

    @Test
    void aPeriodOutsideTheDataOrMalformedIsA400NamingTheParameter() {
        assertProblem("/api/statistics/annual?year=1999", "year");
        assertProblem("/api/statistics/annual?year=2100", "year");
        assertProblem("/api/statistics/annual?year=twenty", "year");
        assertProblem("/api/statistics/annual.csv?year=1999", "year");
        assertProblem("/api/statistics/annual", "year");
        assertProblem("/api/statistics/annual?from=2021-09-01&to=2021-08-01", "to");
        assertProblem("/api/statistics/annual?from=2021-13-01&to=2021-12-31", "from");
        assertProblem("/api/statistics/annual?from=2021-09-01", "to");
        assertProblem("/api/statistics/annual?year=2021&from=2021-09-01", "from");
        assertThat(get("/api/statistics/annual?year=2021", "liaison").status()).isEqualTo(403);
        assertThat(get("/api/statistics/annual?year=2021", "admin").status()).isEqualTo(200);

        Response unknown =
                call(
                        HttpMethod.PUT,
                        "/api/statistics/manual-counts/2021",
                        "reporter",
                        Map.of("counts", Map.of("NEWSPAPER", 3)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asString()).isEqualTo("counts.NEWSPAPER");
    }

    @Test
    void anAdminUploadsTheNextYearsCalendarAndAWrongOneIsA400() {
        Map<String, Object> holidays =
                Map.of(
                        "year",
                        2027,
                        "source",
                        "test",
                        "holidays",
                        List.of(Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01")),
                        "workdays",
                        List.of("2027-01-06"));
        Response weekday = call(HttpMethod.PUT, "/api/calendar/2027", "admin", holidays);
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.body().get("field").asString()).isEqualTo("workdays");
        Response badDate =
                call(
                        HttpMethod.PUT,
                        "/api/calendar/2027",
                        "admin",
                        "{\"year\":2027,\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-02-30\",\"to\":\"2027-01-01\"}]}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("field").asString()).isEqualTo("holidays.from");
        assertThat(call(HttpMethod.PUT, "/api/calendar/2027", "reporter", holidays).status())
                .isEqualTo(403);

        Map<String, Object> valid = new HashMap<>(holidays);
        valid.put("workdays", List.of("2027-01-09"));
        assertThat(call(HttpMethod.PUT, "/api/calendar/2027", "admin", valid).status())
                .isEqualTo(200);
        JsonNode stored = get("/api/calendar/2027", "reporter").body();
        assertThat(stored.get("workdays").get(0).asString()).isEqualTo("2027-01-09");
        assertThat(get("/api/calendar/2021", "reporter").body().get("source").asString())
                .isEqualTo("国办发明电〔2020〕27号");
    }

    // ---- fixtures

    private static String department() {
        return "统计" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An approved item, written directly (its history is not what these tests are about). */
    private UUID item(String department, int catalogueItem, @Nullable LocalDate producedOn) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql(
                        """
                        insert into item (id, department, status, latest_version, live_version,
                            created_by, created_at, updated_at)
                        values (?, ?, 'APPROVED', 1, 1, 'liaison', ?, ?)
                        """)
                .params(id, department, now, now)
                .update();
        version(id, 1, catalogueItem, producedOn);
        return id;
    }

    private void version(UUID id, int version, int catalogueItem) {
        version(id, version, catalogueItem, null);
    }

    private void version(UUID id, int version, int catalogueItem, @Nullable LocalDate producedOn) {
        jdbc.sql(
                        """
                        insert into item_version (item_id, version, status, title, body,
                            catalogue_item, channels, produced_on, updated_at)
                        values (?, ?, 'APPROVED', ?, '<p>x</p>', ?, 'WEBSITE,WECHAT', ?, now())
                        """)
                .params(id, version, "统计条目" + version, catalogueItem, producedOn)
                .update();
    }

    private void deliver(UUID item, Channel channel, String at) throws Exception {
        deliver(item, 1, channel, DeliveryStatus.DELIVERED, at);
    }

    private void deliver(UUID item, int version, Channel channel, DeliveryStatus status, String at)
            throws Exception {
        Instant instant = OffsetDateTime.parse(at).toInstant();
        UUID eventId = UUID.randomUUID();
        kafka.send(
                        Topics.DELIVERY_REPORTS,
                        item.toString(),
                        new DeliveryReported(
                                eventId,
                                item,
                                version,
                                instant,
                                channel,
                                status,
                                status == DeliveryStatus.DELIVERED
                                        ? URI.create(
                                                "https://example.edu.cn/" + channel + "/" + item)
                                        : null,
                                1,
                                status == DeliveryStatus.RETRACTED && channel == Channel.WECHAT
                                        ? "publish_status 6"
                                        : null))
                .get();
        sent.add(eventId);
    }

    private void awaitApplied() {
        List<UUID> expected = List.copyOf(sent);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                jdbc.sql(
                                                        "select count(*) from processed_report where event_id = any(?)")
                                                .param(expected.toArray(UUID[]::new))
                                                .query(Long.class)
                                                .single()
                                        == expected.size());
    }

    private long departmentCount(int year, String department, Channel channel) {
        return departmentCount(
                get("/api/statistics/annual?year=" + year, "reporter").body(), department, channel);
    }

    private static long departmentCount(JsonNode statistics, String department, Channel channel) {
        JsonNode row = departmentRow(statistics, department, channel);
        return row == null ? 0 : row.get("count").asLong();
    }

    private static @Nullable JsonNode departmentRow(
            JsonNode statistics, String department, Channel channel) {
        for (JsonNode row : statistics.get("byDepartment")) {
            if (row.get("department").asString().equals(department)
                    && row.get("channel").asString().equals(channel.name())) {
                return row;
            }
        }
        return null;
    }

    private static JsonNode channel(JsonNode statistics, String channel) {
        for (JsonNode row : statistics.get("channels")) {
            if (row.get("channel").asString().equals(channel)) {
                return row;
            }
        }
        throw new AssertionError("No channel " + channel + " in " + statistics.get("channels"));
    }

    private static long month(JsonNode statistics, String channel, String month) {
        for (JsonNode row : statistics.get("byMonth")) {
            if (row.get("channel").asString().equals(channel)
                    && row.get("month").asString().equals(month)) {
                return row.get("count").asLong();
            }
        }
        throw new AssertionError("No month " + month);
    }

    private static Row findRow(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (row.getCell(0) != null
                    && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("No row " + first);
    }

    private void assertProblem(String path, String field) {
        Response response = get(path, "reporter");
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("field").asString()).as(path).isEqualTo(field);
    }

    private List<Map<String, Object>> facts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(
                jdbc.sql(
                                "select * from statistics_channel_day order by day, channel, catalogue_item")
                        .query()
                        .listOfRows());
        rows.addAll(
                jdbc.sql(
                                "select * from statistics_department_day order by day, channel, department")
                        .query()
                        .listOfRows());
        rows.addAll(
                jdbc.sql("select * from statistics_timeliness_day order by day, catalogue_item")
                        .query()
                        .listOfRows());
        return rows;
    }

    /** Counted independently of the statistics code: first delivery per (item, channel). */
    private Map<String, Long> directCounts(int year) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(
                        """
                        select channel, count(*) as n from (
                            select item_id, channel, min(first_delivered_at) as first_at
                            from delivery group by item_id, channel) f
                        where (f.first_at at time zone 'Asia/Shanghai') >= make_timestamp(?, 9, 1, 0, 0, 0)
                          and (f.first_at at time zone 'Asia/Shanghai') < make_timestamp(?, 9, 1, 0, 0, 0)
                        group by channel
                        """)
                .params(year - 1, year)
                .query(
                        rs -> {
                            counts.put(rs.getString("channel"), rs.getLong("n"));
                        });
        return counts;
    }

    /**
     * Counted independently of the statistics code: of the (item, channel) pairs first delivered in
     * the year, those whose newest version that reached the channel (DELIVERED or RETRACTED) is
     * RETRACTED.
     */
    private Map<String, Long> directRetractedCounts(int year) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(
                        """
                        select channel, count(*) as n from (
                            select distinct on (item_id, channel) item_id, channel, status,
                                min(first_delivered_at) over (partition by item_id, channel) as first_at
                            from delivery where status in ('DELIVERED', 'RETRACTED')
                            order by item_id, channel, version desc) newest
                        where status = 'RETRACTED'
                          and (first_at at time zone 'Asia/Shanghai') >= make_timestamp(?, 9, 1, 0, 0, 0)
                          and (first_at at time zone 'Asia/Shanghai') < make_timestamp(?, 9, 1, 0, 0, 0)
                        group by channel
                        """)
                .params(year - 1, year)
                .query(
                        rs -> {
                            counts.put(rs.getString("channel"), rs.getLong("n"));
                        });
        return counts;
    }

    private String text(String path, String accept) throws Exception {
        return new String(raw(path, accept), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path) throws Exception {
        return raw(path, "*/*");
    }

    private byte[] raw(String path, String accept) throws Exception {
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + path))
                                        .header("Accept", accept)
                                        .header(
                                                "Authorization",
                                                "Basic "
                                                        + Base64.getEncoder()
                                                                .encodeToString(
                                                                        "reporter:demo"
                                                                                .getBytes(
                                                                                        StandardCharsets
                                                                                                .UTF_8)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
