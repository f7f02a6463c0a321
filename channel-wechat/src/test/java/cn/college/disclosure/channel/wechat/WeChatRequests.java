package cn.college.disclosure.channel.wechat;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.WebsitePaths;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A request for the website and WeChat, as the channel's integration tests send it. */
final class WeChatRequests {

    private WeChatRequests() {}

    static PublicationRequested request(UUID itemId, int version, String title, String body) {
        PublicationRequested fixture = ContractFixtures.publicationRequested();
        return new PublicationRequested(
                UUID.randomUUID(),
                itemId,
                version,
                Instant.now(),
                title,
                "摘要",
                body,
                Set.of(Channel.WEBSITE, Channel.WECHAT),
                fixture.catalogueItem(),
                fixture.department(),
                URI.create("https://xxgk.example.edu.cn/" + WebsitePaths.itemPage(itemId)),
                fixture.ledText(),
                fixture.producedOn(),
                fixture.approvedBy());
    }
}
