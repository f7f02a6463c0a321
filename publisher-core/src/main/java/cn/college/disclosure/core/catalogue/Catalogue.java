package cn.college.disclosure.core.catalogue;

import cn.college.disclosure.contract.CatalogueEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disclosure catalogue in force: its categories and numbered items, read once at start-up from
 * the data file named by {@code publisher.catalogue.location}.
 */
@Component
public class Catalogue {

    private final Document document;
    private final Map<Integer, CatalogueEntry> entries;

    Catalogue(CatalogueProperties properties, JsonMapper jsonMapper) {
        try (InputStream in = properties.location().getInputStream()) {
            this.document = jsonMapper.readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the catalogue at " + properties.location(), e);
        }
        this.entries =
                document.categories().stream()
                        .flatMap(
                                category ->
                                        category.items().stream()
                                                .map(
                                                        item ->
                                                                new CatalogueEntry(
                                                                        item.number(),
                                                                        item.name(),
                                                                        category.number(),
                                                                        category.name(),
                                                                        document.version())))
                        .collect(Collectors.toMap(CatalogueEntry::number, Function.identity()));
    }

    /** The version of the data file, e.g. {@code 2014-v1}. */
    public String version() {
        return document.version();
    }

    /** The catalogue item with the number, if the catalogue has one. */
    public Optional<CatalogueEntry> entry(int number) {
        return Optional.ofNullable(entries.get(number));
    }

    /**
     * The catalogue item with the number.
     *
     * @throws UnknownCatalogueItem if the catalogue in force has no such item
     */
    public CatalogueEntry require(int number) {
        return entry(number).orElseThrow(() -> new UnknownCatalogueItem(number, version()));
    }

    /** Every item of the catalogue in force, in number order. */
    public List<CatalogueEntry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparingInt(CatalogueEntry::number))
                .toList();
    }

    Document document() {
        return document;
    }

    /** The data file's shape, which is also what {@code GET /api/catalogue} returns. */
    record Document(String version, List<Category> categories) {}

    record Category(int number, String name, List<Item> items) {}

    record Item(int number, String name) {}
}
