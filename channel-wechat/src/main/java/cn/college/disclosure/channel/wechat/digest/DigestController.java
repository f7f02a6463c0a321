package cn.college.disclosure.channel.wechat.digest;

import cn.college.disclosure.channel.wechat.digest.Digests.Digest;
import cn.college.disclosure.channel.wechat.digest.Digests.Item;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recent digests, newest first: what was (or will be) pushed to followers, and how it went. */
@RestController
class DigestController {

    /** A digest as operators see it. */
    record DigestView(
            String id,
            LocalDate day,
            String status,
            List<ItemView> items,
            @JsonProperty("msg_id") @Nullable String msgId,
            @JsonProperty("draft_media_id") @Nullable String draftMediaId,
            @Nullable String detail,
            @JsonProperty("rolled_over") int rolledOver,
            int attempts,
            @JsonProperty("send_after") @Nullable Instant sendAfter,
            @JsonProperty("sent_at") @Nullable Instant sentAt) {}

    /** One article of a digest. */
    record ItemView(
            @JsonProperty("item_id") UUID itemId,
            int version,
            String title,
            @JsonProperty("approved_at") Instant approvedAt) {}

    private final Digests digests;

    DigestController(Digests digests) {
        this.digests = digests;
    }

    @GetMapping("/wechat/digests")
    List<DigestView> digests(@RequestParam(defaultValue = "30") int limit) {
        return digests.recent(Math.max(1, Math.min(limit, 366))).stream().map(this::view).toList();
    }

    private DigestView view(Digest digest) {
        String detail = digest.detail();
        if (digest.rolledOver() > 0) {
            String rolled =
                    "%d more approved item%s rolled to the next digest"
                            .formatted(digest.rolledOver(), digest.rolledOver() == 1 ? "" : "s");
            detail = detail == null ? rolled : detail + "; " + rolled;
        }
        return new DigestView(
                digest.id(),
                digest.day(),
                digest.status().name(),
                digests.items(digest.id()).stream().map(DigestController::item).toList(),
                digest.msgId(),
                digest.draftMediaId(),
                detail,
                digest.rolledOver(),
                digest.attempts(),
                digest.sendAfter(),
                digest.sentAt());
    }

    private static ItemView item(Item item) {
        return new ItemView(item.itemId(), item.version(), item.title(), item.approvedAt());
    }
}
