package cn.college.disclosure.channel.wechat.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OwnArticlesTests {

    @Test
    void marksTheItemsPageWithTheIdempotencyKey() {
        assertThat(OwnArticles.sourceUrl(URI.create("https://xxgk.example.edu.cn/items/1"), "k-1"))
                .isEqualTo("https://xxgk.example.edu.cn/items/1?wechat_ref=k-1");
        assertThat(OwnArticles.sourceUrl(URI.create("https://x.cn/p?id=1#top"), "k-2"))
                .isEqualTo("https://x.cn/p?id=1&wechat_ref=k-2#top");
    }
}
