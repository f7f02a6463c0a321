package cn.college.disclosure.channel.website.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.runtime.media.MediaProperties;
import cn.college.disclosure.channel.runtime.media.MediaReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the copies go, and the names that are never used as paths. */
class SiteFilesTests {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir Path webRoot;

    private SiteFiles files() {
        return new SiteFiles(
                webRoot,
                new MediaReader(
                        new MediaProperties(
                                URI.create("http://localhost:1/"), "", "", Duration.ofSeconds(1))));
    }

    @Test
    void putsACopyAtTheDecodedPathOfItsUrl() {
        assertThat(files().pathOf(SHA, "2024年 招生章程.pdf"))
                .hasValue(
                        webRoot.toAbsolutePath()
                                .normalize()
                                .resolve("files")
                                .resolve(SHA)
                                .resolve("2024年 招生章程.pdf"));
    }

    @Test
    void neverUsesANameThatIsNotOnePlainPathSegment() {
        SiteFiles files = files();
        assertThat(files.pathOf(SHA, "../../index.html")).isEmpty();
        assertThat(files.pathOf(SHA, "a/b.pdf")).isEmpty();
        assertThat(files.pathOf(SHA, "a\\b.pdf")).isEmpty();
        assertThat(files.pathOf(SHA, "..")).isEmpty();
        assertThat(files.pathOf(SHA, ".media-1.part")).isEmpty();
        assertThat(files.pathOf(SHA, "a\u0000.pdf")).isEmpty();
        assertThat(files.pathOf(SHA, " ")).isEmpty();
        assertThat(files.pathOf(SHA, "章".repeat(86) + ".pdf")).isEmpty();
        assertThat(files.pathOf("../" + SHA.substring(3), "a.pdf")).isEmpty();
        assertThat(files.pathOf(SHA.toUpperCase(), "a.pdf")).isEmpty();
    }

    @Test
    void deletesTheCopyAndItsHashDirectoryOnceEmpty() throws IOException {
        SiteFiles files = files();
        Path one = files.pathOf(SHA, "a.pdf").orElseThrow();
        Path other = files.pathOf(SHA, "b.pdf").orElseThrow();
        Files.createDirectories(one.getParent());
        Files.writeString(one, "x");
        Files.writeString(other, "x");

        files.delete(new PageFile(SHA, "a.pdf", "application/pdf", 1));
        assertThat(one).doesNotExist();
        assertThat(other).exists();

        files.delete(new PageFile(SHA, "b.pdf", "application/pdf", 1));
        files.delete(new PageFile(SHA, "b.pdf", "application/pdf", 1));
        assertThat(other.getParent()).doesNotExist();
    }
}
