package cn.college.disclosure.channel.campusplatform.webhook;

import cn.college.disclosure.contract.Attachment;
import cn.college.disclosure.contract.MediaReference;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the platform receives, and the ids that make a repeat harmless: the {@code noticeId} is one
 * per item (every version and the retraction name the same notice), the {@code webhook-id} one per
 * (item, version, message type), derived from the runtime's idempotency key, so that a retry, a
 * redelivered event or a restart sends the same id and the platform keeps one copy.
 */
final class Notices {

    static final String PUBLISHED = "notice.published";
    static final String UPDATED = "notice.updated";
    static final String RETRACTED = "notice.retracted";

    /**
     * A notice as the platform receives it.
     *
     * @param type {@link #PUBLISHED}, or {@link #UPDATED} for a later version of a notice
     * @param noticeId the notice, the same for every version of the item
     * @param url the item's canonical page on the college website
     * @param category the disclosure catalogue's category, if the item discloses a catalogue item
     * @param publishedAt when the version was approved
     * @param bodyHtml the body, its images pointing at the website's copies (absolute URLs)
     * @param attachments the files listed under the body, in the liaison's order
     * @param coverUrl the cover image on the website, if the item has one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notice(
            String type,
            String noticeId,
            UUID itemId,
            int version,
            String title,
            @Nullable String summary,
            String url,
            @Nullable String category,
            String department,
            Instant publishedAt,
            String bodyHtml,
            List<NoticeAttachment> attachments,
            @Nullable String coverUrl) {}

    /**
     * A file of the notice, on the college website.
     *
     * @param name the title people see (the liaison's, or the file's name)
     * @param url the website's copy, {@code files/<sha256>/<name>}
     * @param size the size in bytes
     * @param contentType the type detected from the bytes, e.g. {@code application/pdf}
     * @param sha256 the SHA-256 of the bytes, lowercase hex
     */
    record NoticeAttachment(String name, String url, long size, String contentType, String sha256) {

        static NoticeAttachment of(Attachment attachment) {
            MediaReference file = attachment.file();
            return new NoticeAttachment(
                    attachment.displayTitle(),
                    file.publicUrl().toString(),
                    file.size(),
                    file.contentType(),
                    file.sha256());
        }
    }

    /**
     * The notice is withdrawn.
     *
     * @param version the version that was shown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Retraction(
            String type,
            String noticeId,
            UUID itemId,
            int version,
            @Nullable String reason,
            Instant retractedAt) {}

    static String noticeId(UUID itemId) {
        return "notice-" + itemId;
    }

    /**
     * The {@code webhook-id} of one message: {@code msg_} + a name-based UUID of the runtime's
     * idempotency key (stable per item, version and channel) and the message type.
     */
    static String webhookId(String idempotencyKey, String type) {
        return "msg_"
                + UUID.nameUUIDFromBytes(
                                (idempotencyKey + "/" + type).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }

    private Notices() {}
}
