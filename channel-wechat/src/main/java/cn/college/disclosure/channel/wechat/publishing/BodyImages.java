package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient;
import cn.college.disclosure.channel.wechat.api.WeChatRefused;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Moves the body's images to WeChat's CDN ({@code media/uploadimg}), because WeChat strips images
 * from anywhere else. An image that cannot be fetched or uploaded is removed, with a warning for
 * the delivery's detail. A refusal that is not about the image (token, quota, busy) is passed on.
 */
class BodyImages {

    /** The body ready for WeChat and what was dropped on the way. */
    record Prepared(String html, List<String> warnings) {}

    private static final long MAX_IMAGE_BYTES = 1024 * 1024;

    private final WeChatApiClient wechat;
    private final HttpClient http;
    private final Duration timeout;

    BodyImages(WeChatApiClient wechat, Duration timeout) {
        this.wechat = wechat;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    Prepared prepare(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        List<String> warnings = new ArrayList<>();
        int number = 0;
        for (Element image : document.select("img")) {
            number++;
            String src = image.attr("src");
            if (onWeChat(src)) {
                continue;
            }
            try {
                byte[] bytes = fetch(src);
                image.attr("src", wechat.uploadBodyImage("body-" + number + extension(src), bytes));
            } catch (WeChatRefused e) {
                if (e.kind()
                        != cn.college.disclosure.channel.wechat.api.WeChatErrors.Kind.REFUSED) {
                    throw e;
                }
                image.remove();
                warnings.add("image %s removed: %s".formatted(shorten(src), e.getMessage()));
            } catch (ImageUnavailable e) {
                image.remove();
                warnings.add("image %s removed: %s".formatted(shorten(src), e.getMessage()));
            }
        }
        return new Prepared(document.body().html(), warnings);
    }

    private byte[] fetch(String src) {
        if (src.startsWith("data:")) {
            int comma = src.indexOf(',');
            if (comma < 0 || !src.substring(0, comma).endsWith(";base64")) {
                throw new ImageUnavailable("not a base64 data URI");
            }
            return check(Base64.getMimeDecoder().decode(src.substring(comma + 1)));
        }
        if (!src.startsWith("http://") && !src.startsWith("https://")) {
            throw new ImageUnavailable("not an absolute http(s) URL");
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(src)).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ImageUnavailable("HTTP " + response.statusCode());
            }
            return check(response.body());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ImageUnavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailable("interrupted");
        }
    }

    private static byte[] check(byte[] image) {
        if (image.length == 0 || image.length > MAX_IMAGE_BYTES) {
            throw new ImageUnavailable(
                    "size %d bytes, WeChat takes up to 1 MB".formatted(image.length));
        }
        return image;
    }

    private static boolean onWeChat(String src) {
        return src.startsWith("http://mmbiz.qpic.cn/") || src.startsWith("https://mmbiz.qpic.cn/");
    }

    private static String extension(String src) {
        String lower = src.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("jpeg") || lower.contains("jpg") ? ".jpg" : ".png";
    }

    private static String shorten(String src) {
        return src.length() <= 80 ? src : src.substring(0, 77) + "...";
    }

    /** The image could not be read from where the body points. */
    static class ImageUnavailable extends RuntimeException {
        ImageUnavailable(String message) {
            super(message);
        }
    }
}
