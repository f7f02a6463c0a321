package cn.college.disclosure.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text of the console comes from the bundles, in both languages. */
class MessageBundlesTests {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in =
                new InputStreamReader(
                        MessageBundlesTests.class.getResourceAsStream("/" + name),
                        StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyATemplateUses() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])");
        for (Resource template :
                new PathMatchingResourcePatternResolver()
                        .getResources("classpath:templates/console/**/*.html")) {
            Matcher matcher = key.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        used.removeIf(
                name ->
                        name.endsWith("__")
                                || name.equals("channel")
                                || name.equals("deliveryStatus"));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(chinese.stringPropertyNames()).containsAll(used);
    }
}
