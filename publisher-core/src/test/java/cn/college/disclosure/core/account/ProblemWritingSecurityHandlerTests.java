package cn.college.disclosure.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemWritingSecurityHandlerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemWritingSecurityHandler handler =
            new ProblemWritingSecurityHandler(JSON, messages());

    @Test
    void credentialsThatCouldNotBeCheckedAreAServiceOutageNotASignInPrompt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.commence(
                request(),
                response,
                new InternalAuthenticationServiceException("connection refused"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("title").asString()).isEqualTo("服务暂时不可用");
        assertThat(problem.path("detail").asString()).contains("稍后再试");
    }

    @Test
    void wrongCredentialsAskToSignInInChinese() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handler.commence(request(), response, new BadCredentialsException("bad"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("title").asString()).isEqualTo("需要登录");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/items");
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/items");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
