package cn.college.disclosure.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of what each scenario measured, rewritten after each scenario to {@code
 * fault-tests/target/fault-results.md}.
 */
final class FaultResults {

    /**
     * One scenario's measurements, over (item, channel) pairs.
     *
     * @param approvals items approved (each targeted at all four channels)
     * @param delivered pairs the core reports DELIVERED
     * @param duplicates pairs the outside world shows more than once
     * @param missing pairs the outside world does not show
     * @param stuck pairs still PENDING, RETRYING or UNCONFIRMED after the bounded wait
     * @param failed pairs FAILED (no provider refuses anything in these scenarios)
     * @param statistics "= ledger", or how the annual statistics differ from the channels' ledgers
     * @param seconds how long the scenario took
     */
    record Row(
            String scenario,
            int approvals,
            int delivered,
            int duplicates,
            int missing,
            int stuck,
            int failed,
            String statistics,
            String notes,
            long seconds) {

        boolean passed() {
            return delivered == approvals * 4
                    && duplicates == 0
                    && missing == 0
                    && stuck == 0
                    && failed == 0
                    && statistics.equals("= ledger");
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private FaultResults() {}

    static synchronized void add(Row row) {
        ROWS.add(row);
        write();
    }

    private static void write() {
        Path root = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve("fault-tests/target/fault-results.md");
        StringBuilder table =
                new StringBuilder(
                        """
                        # Fault suite results

                        Counted over (item, channel) pairs from the fakes' own records (WeChat \
                        articles, campus notices, the demo screen's pages, the website's web root \
                        and sitemap) and the core's API; statistics compared with a count of the \
                        channels' ledgers.

                        | scenario | approvals | delivered (of 4 × approvals) | duplicates | missing \
                        | stuck | failed | statistics | result | time | notes |
                        |---|---|---|---|---|---|---|---|---|---|---|
                        """);
        for (Row row : ROWS) {
            table.append(
                    "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %d s | %s |%n"
                            .formatted(
                                    row.scenario(),
                                    row.approvals(),
                                    row.delivered(),
                                    row.duplicates(),
                                    row.missing(),
                                    row.stuck(),
                                    row.failed(),
                                    row.statistics(),
                                    row.passed() ? "pass" : "**FAIL**",
                                    row.seconds(),
                                    row.notes().replace("|", "/")));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
