package cn.college.disclosure.channel.website.site;

import java.nio.file.Path;

/**
 * A file a live page lists, as the website serves it.
 *
 * @param path the copy under the web root
 * @param fileName the original name, for {@code Content-Disposition}
 * @param contentType the type publisher-core detected from the bytes
 * @param size the size in bytes
 */
public record PublishedFile(Path path, String fileName, String contentType, long size) {

    /** Whether browsers show the file in the page ({@code inline}) rather than download it. */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
