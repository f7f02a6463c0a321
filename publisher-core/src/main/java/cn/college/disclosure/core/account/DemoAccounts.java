package cn.college.disclosure.core.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local stack's users, all with the password {@code demo}, and the service accounts the
 * channels read files with ({@code channel-website}, {@code channel-wechat}, {@code
 * channel-campus-platform}, role {@link Role#CHANNEL}, the same password; the local stack passes it
 * to them as {@code channel.media.password}). Only in profile {@code local}: a real installation
 * never gets a known password.
 */
@Component
@Profile("local")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;

    DemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        create("liaison", Role.LIAISON, "教务处");
        create("liaison2", Role.LIAISON, "学生处");
        create("operator", Role.OPERATOR, null);
        create("reporter", Role.REPORTER, null);
        create("admin", Role.ADMIN, null);
        create("channel-website", Role.CHANNEL, null);
        create("channel-wechat", Role.CHANNEL, null);
        create("channel-campus-platform", Role.CHANNEL, null);
    }

    private void create(
            String username, Role role, @org.jspecify.annotations.Nullable String department) {
        if (accounts.createIfAbsent(username, "demo", role, department)) {
            log.info(
                    "Created demo user {} ({}{})",
                    username,
                    role,
                    department == null ? "" : ", " + department);
        }
    }
}
