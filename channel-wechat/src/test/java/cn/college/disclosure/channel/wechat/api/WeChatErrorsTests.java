package cn.college.disclosure.channel.wechat.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.college.disclosure.channel.wechat.api.WeChatErrors.Kind;
import java.io.IOException;
import java.net.ConnectException;
import org.apache.hc.client5.http.HttpResponseException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

class WeChatErrorsTests {

    @Test
    void classifiesTheCodesThatDecideRetryParkOrFail() {
        assertThat(WeChatErrors.classify(-1)).isEqualTo(Kind.TRANSIENT);
        assertThat(WeChatErrors.classify(45011)).isEqualTo(Kind.TRANSIENT);
        assertThat(WeChatErrors.classify(40001)).isEqualTo(Kind.TOKEN);
        assertThat(WeChatErrors.classify(40014)).isEqualTo(Kind.TOKEN);
        assertThat(WeChatErrors.classify(42001)).isEqualTo(Kind.TOKEN);
        assertThat(WeChatErrors.classify(45009)).isEqualTo(Kind.DAILY_QUOTA);
        for (int refused : new int[] {48001, 47001, 53503, 53504, 53505, 45003}) {
            assertThat(WeChatErrors.classify(refused)).isEqualTo(Kind.REFUSED);
        }
    }

    @Test
    void onlyAConnectionLostAfterSendingMayHaveApplied() {
        assertThat(WeChatApiClient.mayHaveApplied(new ConnectionClosedException("premature end")))
                .isTrue();
        assertThat(WeChatApiClient.mayHaveApplied(new IOException("reset"))).isTrue();
        assertThat(WeChatApiClient.mayHaveApplied(new ConnectException("refused"))).isFalse();
        assertThat(WeChatApiClient.mayHaveApplied(new HttpResponseException(502, "Bad Gateway")))
                .isFalse();
    }
}
