package cn.college.disclosure.fakes.wecom;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fake enterprise and its application.
 *
 * @param corpId the only CorpID the fake accepts
 * @param corpSecret the application's Secret
 * @param agentId the application's AgentId
 * @param tokenLifetime how long an access token is valid
 * @param users the members' user ids; other ids come back in {@code invaliduser}
 * @param parties the department ids; others come back in {@code invalidparty}
 */
@ConfigurationProperties("fakes.wecom")
record FakeWeComProperties(
        @DefaultValue("ww-fake-corp") String corpId,
        @DefaultValue("fake-corp-secret") String corpSecret,
        @DefaultValue("1000002") int agentId,
        @DefaultValue("7200s") Duration tokenLifetime,
        @DefaultValue({"zhangsan", "lisi", "wangwu"}) List<String> users,
        @DefaultValue({"1", "2"}) List<String> parties) {}
