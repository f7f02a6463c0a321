package cn.college.disclosure.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's type from its bytes, with Tika's detector (magic numbers only: the name is not
 * given to it, so a text file named {@code .pdf} is text). Tika's core cannot tell the Office Open
 * XML formats from a plain zip without the name, nor OFD at all, so a zip is told by its entries
 * ({@code [Content_Types].xml} with {@code word/}, {@code xl/} or {@code ppt/}; {@code OFD.xml} at
 * the root). An OLE2 compound file (the pre-2007 Office formats) is told apart by the name's
 * extension, only once the bytes proved to be OLE2.
 */
final class MediaTypes {

    static final String PDF = "application/pdf";
    static final String DOC = "application/msword";
    static final String DOCX =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLS = "application/vnd.ms-excel";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPT = "application/vnd.ms-powerpoint";
    static final String PPTX =
            "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String OFD = "application/ofd";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";

    /** The accepted types and the extensions a name of each may have. */
    private static final Map<String, Set<String>> EXTENSIONS =
            Map.ofEntries(
                    Map.entry(PDF, Set.of("pdf")),
                    Map.entry(DOC, Set.of("doc")),
                    Map.entry(DOCX, Set.of("docx")),
                    Map.entry(XLS, Set.of("xls")),
                    Map.entry(XLSX, Set.of("xlsx")),
                    Map.entry(PPT, Set.of("ppt")),
                    Map.entry(PPTX, Set.of("pptx")),
                    Map.entry(OFD, Set.of("ofd")),
                    Map.entry(JPEG, Set.of("jpg", "jpeg", "jpe", "jfif")),
                    Map.entry(PNG, Set.of("png")),
                    Map.entry(GIF, Set.of("gif")),
                    Map.entry(WEBP, Set.of("webp")));

    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    private static final MediaType ZIP = MediaType.application("zip");

    private final Detector detector = new DefaultDetector();
    private final MediaTypeRegistry registry =
            MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /**
     * The accepted type of the file's bytes.
     *
     * @param fileName the file's (safe) name: used only to tell OLE2 documents apart and to refuse
     *     bytes that are not what the name's extension claims
     * @throws MediaTypeRefused if the bytes are of no accepted type, or of another one than the
     *     name's extension names
     */
    String detect(Path file, String fileName) throws IOException {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(file)) {
            detected = detector.detect(in, new Metadata()).getBaseType();
        }
        Optional<String> extension = extension(fileName);
        String type;
        if (detected.equals(OLE2)) {
            type =
                    extension
                            .map(
                                    ext ->
                                            switch (ext) {
                                                case "doc" -> DOC;
                                                case "xls" -> XLS;
                                                case "ppt" -> PPT;
                                                default -> null;
                                            })
                            .orElseThrow(
                                    () ->
                                            new MediaTypeRefused(
                                                    detected.toString(),
                                                    "an OLE2 file not named .doc, .xls or .ppt"));
        } else if (isZip(detected)) {
            type =
                    zipType(file)
                            .orElseThrow(
                                    () ->
                                            new MediaTypeRefused(
                                                    detected.toString(),
                                                    "a zip that is neither an Office Open XML document nor OFD"));
        } else {
            type = detected.toString();
        }
        Set<String> extensions = EXTENSIONS.get(type);
        if (extensions == null) {
            throw new MediaTypeRefused(type, "not an accepted type");
        }
        if (extension.isPresent()
                && acceptedExtension(extension.get())
                && !extensions.contains(extension.get())) {
            throw new MediaTypeRefused(type, "the name claims ." + extension.get());
        }
        return type;
    }

    /** Whether the type is an image (usable as a cover or in the body): shown inline. */
    static boolean isImage(String contentType) {
        return contentType.startsWith("image/");
    }

    /** The usual extension of an accepted type, e.g. {@code pdf}. */
    static String extensionOf(String contentType) {
        Set<String> extensions = EXTENSIONS.getOrDefault(contentType, Set.of("bin"));
        return contentType.equals(JPEG) ? "jpg" : extensions.iterator().next();
    }

    private boolean isZip(MediaType type) {
        return type.equals(ZIP)
                || type.equals(MediaType.application("x-tika-ooxml"))
                || registry.isSpecializationOf(type, ZIP);
    }

    /** An Office Open XML document or OFD, told by the zip's entries; empty for another zip. */
    private static Optional<String> zipType(Path file) throws IOException {
        List<String> names;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            names = zip.stream().map(ZipEntry::getName).toList();
        } catch (ZipException notAReadableZip) {
            return Optional.empty();
        }
        if (names.contains("OFD.xml")) {
            return Optional.of(OFD);
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.stream().anyMatch(name -> name.startsWith("word/"))) {
            return Optional.of(DOCX);
        }
        if (names.stream().anyMatch(name -> name.startsWith("xl/"))) {
            return Optional.of(XLSX);
        }
        if (names.stream().anyMatch(name -> name.startsWith("ppt/"))) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    private static boolean acceptedExtension(String extension) {
        return EXTENSIONS.values().stream().anyMatch(set -> set.contains(extension));
    }

    private static Optional<String> extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1
                ? Optional.empty()
                : Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
