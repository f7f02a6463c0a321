package cn.college.disclosure.channel.runtime.media;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The body's images of the core's media, pointed at the channel's addresses or removed. */
class BodyMediaTests {

    private final MediaReference campus = media("校园.png", "image/png", 2048);
    private final List<DeliveryWarning> warnings = new ArrayList<>();

    @Test
    void pointsAnImageOfTheCoreAtTheSitesCopy() {
        String body =
                BodyMedia.rewrite(
                        "<p>图：<img src=\"/api/media/" + campus.id() + "\" alt=\"校园\"></p>",
                        Map.of(campus.id(), campus),
                        Map.of(campus.id(), "../files/x/y.png"),
                        warnings);

        Document html = Jsoup.parseBodyFragment(body);
        assertThat(html.select("img").attr("src")).isEqualTo("../files/x/y.png");
        assertThat(html.select("img").attr("alt")).isEqualTo("校园");
        assertThat(warnings).isEmpty();
    }

    @Test
    void alsoRecognisesAnAbsoluteAddressOfTheCoresMediaApi() {
        String body =
                BodyMedia.rewrite(
                        "<img src=\"http://localhost:8080/api/media/" + campus.id() + "\">",
                        Map.of(campus.id(), campus),
                        Map.of(campus.id(), "https://xxgk.example.edu.cn/files/x/y.png"),
                        warnings);

        assertThat(Jsoup.parseBodyFragment(body).select("img").attr("src"))
                .isEqualTo("https://xxgk.example.edu.cn/files/x/y.png");
    }

    @Test
    void removesAnImageWhoseIdIsNotAmongThePublicationsImagesWithAWarning() {
        UUID stranger = UUID.randomUUID();

        String body =
                BodyMedia.rewrite(
                        "<p>前<img src=\"/api/media/" + stranger + "\">后</p>",
                        Map.of(campus.id(), campus),
                        Map.of(campus.id(), "../files/x/y.png"),
                        warnings);

        assertThat(body).doesNotContain("<img").doesNotContain("/api/media/").contains("前后");
        assertThat(warnings)
                .containsExactly(
                        new DeliveryWarning(
                                DeliveryWarning.IMAGE_UNREADABLE, "/api/media/" + stranger));
    }

    @Test
    void removesAnImageTheSiteHasNoCopyOfNamingTheFile() {
        String body =
                BodyMedia.rewrite(
                        "<img src=\"/api/media/" + campus.id() + "\">",
                        Map.of(campus.id(), campus),
                        Map.of(),
                        warnings);

        assertThat(body).doesNotContain("<img");
        assertThat(warnings)
                .containsExactly(new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, "校园.png"));
    }

    @Test
    void leavesOtherImagesAndABodyWithoutMediaAlone() {
        String html = "<p><img src=\"https://www.example.edu.cn/logo.png\"></p>";

        assertThat(BodyMedia.rewrite(html, Map.of(), Map.of(), warnings)).isEqualTo(html);
        assertThat(BodyMedia.rewrite(html + "<p>/api/media/ 说明</p>", Map.of(), Map.of(), warnings))
                .contains("https://www.example.edu.cn/logo.png");
        assertThat(warnings).isEmpty();
    }

    private static MediaReference media(String fileName, String contentType, long size) {
        String sha256 = "ab".repeat(32);
        return new MediaReference(
                UUID.randomUUID(),
                sha256,
                size,
                contentType,
                fileName,
                URI.create("http://localhost:8080/api/media/x"),
                URI.create("https://xxgk.example.edu.cn/files/" + sha256 + "/" + fileName));
    }
}
