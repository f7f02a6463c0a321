package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.PushType;
import cn.college.disclosure.channel.ledscreen.feed.Feeds;
import cn.college.disclosure.channel.ledscreen.screens.Screens;
import cn.college.disclosure.channel.runtime.resilience.ProviderGuards;
import cn.college.disclosure.channel.runtime.scheduling.ChannelJob;
import cn.college.disclosure.channel.runtime.scheduling.ChannelJobSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** A push adapter for every group with a Huidu controller. */
@Configuration(proxyBeanMethods = false)
class HuiduConfiguration {

    /**
     * One guard per controller, named {@code huidu-<group>} (each controller is its own external
     * API), so that one controller being down opens no other's breaker; they take the YAML's {@code
     * configs.default} unless {@code instances.huidu-<group>} names one.
     */
    static String apiName(Group group) {
        return "huidu-" + group.name();
    }

    /**
     * One job per controller ({@code huidu-push-<group>}, every {@code push.check-interval}), run
     * on one instance at a time so that two instances never push the same controller; the first run
     * pushes the current feed, so that after a restart the controllers show what the feeds show
     * now.
     */
    @Bean
    ChannelJobSource huiduPushes(
            LedScreenProperties properties,
            Feeds feeds,
            Screens screens,
            ProviderGuards guards,
            Clock clock) {
        HttpClient http =
                HttpClient.newBuilder()
                        .connectTimeout(
                                properties.groups().stream()
                                        .filter(g -> g.push() != null)
                                        .map(g -> g.push().timeout())
                                        .max(Duration::compareTo)
                                        .orElse(Duration.ofSeconds(5)))
                        .build();
        HuiduApiClient client = new HuiduApiClient(http, JsonMapper.builder().build(), clock);
        List<HuiduPushAdapter> adapters = new ArrayList<>();
        for (Group group : properties.groups()) {
            if (group.push() != null && group.push().type() == PushType.HUIDU) {
                adapters.add(
                        new HuiduPushAdapter(
                                group,
                                feeds,
                                screens,
                                client,
                                guards.guard(apiName(group)),
                                clock));
            }
        }
        return () ->
                adapters.stream()
                        .map(
                                adapter ->
                                        ChannelJob.oneInstance(
                                                "huidu-push-" + adapter.group(),
                                                adapter.checkInterval(),
                                                adapter::pushIfChanged))
                        .toList();
    }
}
