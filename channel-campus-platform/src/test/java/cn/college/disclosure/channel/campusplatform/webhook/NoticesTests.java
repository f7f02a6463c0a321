package cn.college.disclosure.channel.campusplatform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticesTests {

    @Test
    void anItemIsOneNoticeWhateverItsVersion() {
        UUID itemId = UUID.randomUUID();

        assertThat(Notices.noticeId(itemId))
                .isEqualTo(Notices.noticeId(UUID.fromString(itemId.toString())))
                .isNotEqualTo(Notices.noticeId(UUID.randomUUID()));
    }

    @Test
    void theWebhookIdIsStablePerIdempotencyKeyAndMessageType() {
        String key = UUID.randomUUID().toString();

        String published = Notices.webhookId(key, Notices.PUBLISHED);

        assertThat(published).startsWith("msg_").hasSize(4 + 32);
        assertThat(Notices.webhookId(key, Notices.PUBLISHED)).isEqualTo(published);
        assertThat(Notices.webhookId(key, Notices.RETRACTED)).isNotEqualTo(published);
        assertThat(Notices.webhookId(key, Notices.UPDATED)).isNotEqualTo(published);
        assertThat(Notices.webhookId(UUID.randomUUID().toString(), Notices.PUBLISHED))
                .isNotEqualTo(published);
    }
}
