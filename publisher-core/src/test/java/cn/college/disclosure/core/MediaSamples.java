package cn.college.disclosure.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small but real files of each accepted type, made in code, each with a unique mark so that one
 * test's uploads never meet another's in the content-addressed store unless meant to.
 */
final class MediaSamples {

    private MediaSamples() {}

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% "
                        + UUID.randomUUID()
                        + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] docx() {
        return ooxml("word/document.xml");
    }

    static byte[] xlsx() {
        return ooxml("xl/workbook.xml");
    }

    static byte[] pptx() {
        return ooxml("ppt/presentation.xml");
    }

    /** An OFD package: {@code OFD.xml} at the root, the document beside it. */
    static byte[] ofd() {
        return zip(
                Map.of(
                        "OFD.xml",
                        "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>",
                        "Doc_0/Document.xml",
                        "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/><!-- "
                                + UUID.randomUUID()
                                + " -->"));
    }

    /** A zip that is neither Office nor OFD. */
    static byte[] plainZip() {
        return zip(Map.of("readme.txt", "hello " + UUID.randomUUID()));
    }

    /** An OLE2 compound file's header (the pre-2007 Office formats), padded to one sector. */
    static byte[] ole2() {
        byte[] bytes = new byte[1024];
        byte[] header = HexFormat.of().parseHex("D0CF11E0A1B11AE1");
        System.arraycopy(header, 0, bytes, 0, header.length);
        byte[] mark = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, bytes, 512, mark.length);
        return bytes;
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] gif() {
        return image("gif");
    }

    /** A 1×1 lossless WebP (ImageIO writes none), with a unique trailing chunk. */
    static byte[] webp() {
        byte[] image =
                HexFormat.of()
                        .parseHex(
                                "524946461a000000574542505650384c0d0000002f0000001007101111888"
                                        + "8fe0700");
        byte[] mark =
                UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
        // an unknown chunk ("XMRK", 32 bytes) after the image; the RIFF size covers it
        byte[] bytes = Arrays.copyOf(image, image.length + 8 + mark.length);
        System.arraycopy("XMRK".getBytes(StandardCharsets.US_ASCII), 0, bytes, image.length, 4);
        bytes[image.length + 4] = (byte) mark.length;
        System.arraycopy(mark, 0, bytes, image.length + 8, mark.length);
        int riffSize = bytes.length - 8;
        bytes[4] = (byte) riffSize;
        bytes[5] = (byte) (riffSize >> 8);
        return bytes;
    }

    /** A Windows executable's first bytes (MZ … PE). */
    static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        byte[] mark = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, bytes, 0x100, mark.length);
        return bytes;
    }

    private static byte[] ooxml(String part) {
        return zip(
                Map.of(
                        "[Content_Types].xml",
                        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                        "_rels/.rels",
                        "<Relationships/>",
                        part,
                        "<root><!-- " + UUID.randomUUID() + " --></root>"));
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // [Content_Types].xml and OFD.xml first, as the formats' own writers put them
            for (String name :
                    entries.keySet().stream()
                            .sorted((a, b) -> Boolean.compare(a.contains("/"), b.contains("/")))
                            .toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A 4×4 image of a random colour, written by ImageIO. */
    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int colour = UUID.randomUUID().hashCode() & 0xffffff;
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, colour ^ (x * 40 + y));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("ImageIO writes no " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
