package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.runtime.media.BodyMedia;
import cn.college.disclosure.channel.runtime.media.MediaUnreadable;
import cn.college.disclosure.channel.wechat.api.WeChatErrors;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import cn.college.disclosure.contract.DeliveryWarning;
import cn.college.disclosure.contract.MediaReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Moves the body's images to WeChat's CDN ({@code media/uploadimg}), because WeChat strips images
 * from anywhere else.
 *
 * <p>An image of the core's media store ({@code <img src="/api/media/{id}">}, the id one of the
 * record's {@code images}) is read from the core with the channel's credential and uploaded once
 * per account ({@link MediaImages}); one that is not JPG/PNG ≤ 1 MB is converted or scaled down
 * first, and left out with a warning only if that fails.
 *
 * <p>Only the college's own origins ({@code channel.wechat.image-origins}) are ever fetched: an
 * {@code <img src>} anywhere else (an internal address, another site) is not requested at all, so a
 * body cannot make the channel call into the network it runs in. Redirects are not followed (a
 * redirect could lead anywhere). {@code data:} images are read from the body itself.
 *
 * <p>An image the channel leaves out becomes a {@link DeliveryWarning} of the delivery, never only
 * a log line: {@code image-too-large} (over the 1 MB that {@code uploadimg} takes; WeChat's 40009),
 * {@code image-type-refused} (not JPG or PNG, by its bytes; WeChat's 40005), {@code
 * image-origin-refused} (not from an allowed origin: never requested), {@code image-unreadable}
 * (not absolute, HTTP error, I/O failure). A refusal that is not about the image (token, quota,
 * busy) is passed on.
 */
class BodyImages {

    /** The body ready for WeChat and what was left out on the way. */
    record Prepared(String html, List<DeliveryWarning> warnings) {}

    static final long MAX_IMAGE_BYTES = 1024 * 1024;
    private static final int MAX_SUBJECT = 200;
    private static final int IMAGE_TYPE_REFUSED = 40005;
    private static final int IMAGE_TOO_LARGE = 40009;

    /** An upload of one image, through the channel's guard. */
    interface Uploader {
        String upload(String fileName, byte[] image);
    }

    /** An image of the core's media store on WeChat's CDN ({@link MediaImages#bodyImage}). */
    interface CoreImages {
        String upload(MediaReference image);
    }

    private final Uploader uploader;
    private final CoreImages core;
    private final Set<String> origins;
    private final HttpClient http;
    private final Duration timeout;

    BodyImages(Uploader uploader, List<URI> origins, Duration timeout) {
        this(
                uploader,
                image -> {
                    throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
                },
                origins,
                timeout);
    }

    BodyImages(Uploader uploader, CoreImages core, List<URI> origins, Duration timeout) {
        this.uploader = uploader;
        this.core = core;
        this.origins =
                origins.stream().map(BodyImages::origin).collect(Collectors.toUnmodifiableSet());
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    Prepared prepare(String bodyHtml) {
        return prepare(bodyHtml, List.of(), () -> {});
    }

    /**
     * The body with its images on WeChat; {@code media} are the record's core images; {@code
     * progress} runs before each image, so that the attempt shows it is alive.
     */
    Prepared prepare(String bodyHtml, List<MediaReference> media, Runnable progress) {
        Map<String, MediaReference> byId = new HashMap<>();
        for (MediaReference reference : media) {
            byId.put(reference.id().toString().toLowerCase(Locale.ROOT), reference);
        }
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        List<DeliveryWarning> warnings = new ArrayList<>();
        int number = 0;
        for (Element image : document.select("img")) {
            number++;
            String src = image.attr("src").strip();
            if (onWeChat(src)) {
                continue;
            }
            progress.run();
            MediaReference stored = coreMedia(src, byId);
            if (stored != null) {
                try {
                    image.attr("src", core.upload(stored));
                } catch (LeftOut e) {
                    image.remove();
                    warnings.add(new DeliveryWarning(e.code, subject(src)));
                } catch (WeChatImages.Unfit e) {
                    image.remove();
                    warnings.add(new DeliveryWarning(e.code, subject(src)));
                } catch (MediaUnreadable e) {
                    image.remove();
                    warnings.add(
                            new DeliveryWarning(DeliveryWarning.IMAGE_UNREADABLE, subject(src)));
                } catch (WeChatRefused e) {
                    if (e.kind() != WeChatErrors.Kind.REFUSED) {
                        throw e;
                    }
                    image.remove();
                    warnings.add(new DeliveryWarning(codeOf(e.errcode()), subject(src)));
                }
                continue;
            }
            try {
                byte[] bytes = read(src);
                String type = type(bytes);
                image.attr("src", uploader.upload("body-" + number + "." + type, bytes));
            } catch (LeftOut e) {
                image.remove();
                warnings.add(new DeliveryWarning(e.code, subject(src)));
            } catch (WeChatRefused e) {
                if (e.kind() != WeChatErrors.Kind.REFUSED) {
                    throw e;
                }
                image.remove();
                warnings.add(new DeliveryWarning(codeOf(e.errcode()), subject(src)));
            }
        }
        return new Prepared(document.body().html(), warnings);
    }

    /** The record's core image {@code src} refers to ({@code /api/media/{id}}), if it is one. */
    private static @Nullable MediaReference coreMedia(
            String src, Map<String, MediaReference> byId) {
        return BodyMedia.mediaId(src).map(id -> byId.get(id.toString())).orElse(null);
    }

    /** Whether the channel may fetch {@code src}: an absolute http(s) URL of an allowed origin. */
    boolean allowed(String src) {
        try {
            URI uri = new URI(src);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && origins.contains(origin(uri));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] read(String src) {
        if (src.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = src.indexOf(',');
            if (comma < 0
                    || !src.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
            }
            try {
                return sized(Base64.getMimeDecoder().decode(src.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
            }
        }
        if (!allowed(src)) {
            // never requested: not one of the college's own origins
            throw new LeftOut(DeliveryWarning.IMAGE_ORIGIN_REFUSED);
        }
        try {
            HttpResponse<InputStream> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(src)).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > MAX_IMAGE_BYTES) {
                    throw new LeftOut(DeliveryWarning.IMAGE_TOO_LARGE);
                }
                // never more than the limit in memory, whatever the server sends
                return sized(body.readNBytes((int) MAX_IMAGE_BYTES + 1));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
        }
    }

    private static byte[] sized(byte[] image) {
        if (image.length == 0) {
            throw new LeftOut(DeliveryWarning.IMAGE_UNREADABLE);
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new LeftOut(DeliveryWarning.IMAGE_TOO_LARGE);
        }
        return image;
    }

    /** {@code png} or {@code jpg} by the image's first bytes; WeChat takes nothing else. */
    private static String type(byte[] image) {
        if (image.length >= 8
                && (image[0] & 0xff) == 0x89
                && image[1] == 'P'
                && image[2] == 'N'
                && image[3] == 'G') {
            return "png";
        }
        if (image.length >= 3
                && (image[0] & 0xff) == 0xff
                && (image[1] & 0xff) == 0xd8
                && (image[2] & 0xff) == 0xff) {
            return "jpg";
        }
        throw new LeftOut(DeliveryWarning.IMAGE_TYPE_REFUSED);
    }

    private static String codeOf(int errcode) {
        return switch (errcode) {
            case IMAGE_TYPE_REFUSED -> DeliveryWarning.IMAGE_TYPE_REFUSED;
            case IMAGE_TOO_LARGE -> DeliveryWarning.IMAGE_TOO_LARGE;
            default -> DeliveryWarning.IMAGE_UNREADABLE;
        };
    }

    private static boolean onWeChat(String src) {
        return src.startsWith("http://mmbiz.qpic.cn/") || src.startsWith("https://mmbiz.qpic.cn/");
    }

    /** {@code scheme://host:port}, lowercase, the default port written out. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }
        return scheme + "://" + host + ":" + port;
    }

    /** The image's address for people: a data URI by its type and size, a long URL cut short. */
    private static String subject(String src) {
        String flat = src.replaceAll("\\s+", "");
        if (flat.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = flat.indexOf(',');
            return (comma < 0 ? "data:" : flat.substring(0, comma))
                    + " (%d characters)".formatted(flat.length());
        }
        return flat.length() <= MAX_SUBJECT ? flat : flat.substring(0, MAX_SUBJECT - 3) + "...";
    }

    /** The image is left out of the article, for the reason its code names. */
    private static final class LeftOut extends RuntimeException {
        final String code;

        LeftOut(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }
}
