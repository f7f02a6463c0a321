package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.MediaReference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;

/**
 * The record's attachments as a list of links under the article body: each file's display title,
 * type and size, linking to the copy the website channel serves ({@link MediaReference#publicUrl})
 * — WeChat carries no files. The wording comes from {@code wechat/messages*.properties} in the
 * article's language.
 */
class AttachmentLinks {

    private static final Map<String, String> TYPES =
            Map.ofEntries(
                    Map.entry("application/pdf", "PDF"),
                    Map.entry("application/msword", "Word"),
                    Map.entry(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            "Word"),
                    Map.entry("application/vnd.ms-excel", "Excel"),
                    Map.entry(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "Excel"),
                    Map.entry("application/vnd.ms-powerpoint", "PowerPoint"),
                    Map.entry(
                            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                            "PowerPoint"),
                    Map.entry("application/ofd", "OFD"),
                    Map.entry("image/jpeg", "JPEG"),
                    Map.entry("image/png", "PNG"),
                    Map.entry("image/gif", "GIF"),
                    Map.entry("image/webp", "WebP"));

    private final MessageSource messages;
    private final Locale locale;

    AttachmentLinks(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** {@code content} with the list appended; unchanged when there are none. */
    String append(String content, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return content;
        }
        Element section = new Element("section").attr("class", "attachments");
        section.appendElement("p")
                .appendElement("strong")
                .text(messages.getMessage("wechat.article.attachments", null, locale));
        Element list = section.appendElement("ul");
        for (Attachment attachment : attachments) {
            MediaReference file = attachment.file();
            list.appendElement("li")
                    .appendElement("a")
                    .attr("href", file.publicUrl().toString())
                    .text(
                            messages.getMessage(
                                    "wechat.article.attachment",
                                    new Object[] {
                                        attachment.displayTitle(), type(file), size(file.size())
                                    },
                                    locale));
        }
        return content + section.outerHtml();
    }

    /** PDF, Word, Excel… by the detected type; else the name's extension. */
    static String type(MediaReference file) {
        String known = TYPES.get(file.contentType().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        int dot = file.fileName().lastIndexOf('.');
        return dot >= 0 && dot < file.fileName().length() - 1
                ? file.fileName().substring(dot + 1).toUpperCase(Locale.ROOT)
                : file.contentType();
    }

    /** 512 B, 12.3 KB, 4.5 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
