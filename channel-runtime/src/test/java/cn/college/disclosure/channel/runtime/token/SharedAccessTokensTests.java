package cn.college.disclosure.channel.runtime.token;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

class SharedAccessTokensTests {

    @Test
    void acceptsLowerCaseTableAndColumnNames() {
        assertThatNoException().isThrownBy(() -> tokens("wecom_access_token", "account"));
    }

    @Test
    void refusesATableNameThatIsNotAPlainIdentifier() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tokens("wecom_access_token; drop table delivery", "account"));
    }

    @Test
    void refusesAKeyColumnThatIsNotAPlainIdentifier() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tokens("wecom_access_token", "Account"));
    }

    private static SharedAccessTokens tokens(String table, String keyColumn) {
        return new SharedAccessTokens(
                table,
                keyColumn,
                "corp/1000002",
                mock(JdbcClient.class),
                TransactionOperations.withoutTransaction(),
                Clock.systemUTC(),
                Duration.ofMinutes(5),
                () -> new SharedAccessTokens.Fetched("token", Duration.ofHours(2)),
                SharedAccessTokens.HandedBack.keep());
    }
}
