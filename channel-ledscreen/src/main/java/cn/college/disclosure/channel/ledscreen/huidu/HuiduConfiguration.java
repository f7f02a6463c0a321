package cn.college.disclosure.channel.ledscreen.huidu;

import cn.college.disclosure.channel.ledscreen.LedScreenProperties;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.Group;
import cn.college.disclosure.channel.ledscreen.LedScreenProperties.PushType;
import cn.college.disclosure.channel.ledscreen.feed.Feeds;
import cn.college.disclosure.channel.ledscreen.screens.Screens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
     * The Resilience4j circuit-breaker configuration ({@code resilience4j.circuitbreaker.configs.
     * huidu}) every controller's breaker is made from; a breaker per controller, named {@code
     * huidu-<group>}, so that one controller being down opens no other's.
     */
    static final String CIRCUIT_BREAKER_CONFIG = "huidu";

    @Bean
    HuiduPushes huiduPushes(
            LedScreenProperties properties,
            Feeds feeds,
            Screens screens,
            CircuitBreakerRegistry breakers,
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
                                breakers.circuitBreaker(
                                        "huidu-" + group.name(), CIRCUIT_BREAKER_CONFIG),
                                clock));
            }
        }
        return new HuiduPushes(adapters);
    }
}
