package cn.college.disclosure.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy in front of a tiny HTTP server that records what reached it. */
class FaultProxyTests {

    private final List<String> applied = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext(
                "/",
                exchange -> {
                    applied.add(exchange.getRequestURI().getPath());
                    byte[] body =
                            ("applied " + exchange.getRequestURI().getPath())
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        upstream.start();
        proxy =
                new FaultProxy(
                        "test",
                        URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void passForwardsTheRequestAndTheAnswer() throws Exception {
        HttpResponse<String> answer = get("notices");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("applied /notices");
        assertThat(applied).containsExactly("/notices");
    }

    @Test
    void refuseStopsListeningUntilHealed() throws Exception {
        proxy.mode(FaultProxy.Mode.REFUSE);

        assertThatThrownBy(() -> get("during")).isInstanceOf(ConnectException.class);
        assertThat(applied).isEmpty();

        proxy.heal();
        assertThat(get("after").body()).isEqualTo("applied /after");
    }

    @Test
    void blackholeAcceptsButNeverAnswersNorForwards() throws Exception {
        proxy.mode(FaultProxy.Mode.BLACKHOLE);

        assertThatThrownBy(() -> get("lost", Duration.ofMillis(700)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
        assertThat(applied).isEmpty();

        proxy.heal();
        assertThat(get("after").body()).isEqualTo("applied /after");
    }

    @Test
    void dropAnswerLetsTheUpstreamApplyTheRequestButTheClientHearsNothing() throws Exception {
        proxy.dropAnswers("/freepublish/submit", 1);

        assertThatThrownBy(() -> post("cgi-bin/freepublish/submit"))
                .isInstanceOf(IOException.class);
        assertThat(applied).containsExactly("/cgi-bin/freepublish/submit");
        assertThat(proxy.droppedAnswers()).isEqualTo(1);

        // a request that does not match still gets its answer
        assertThat(get("cgi-bin/token").body()).isEqualTo("applied /cgi-bin/token");
    }

    @Test
    void dropAnswerCanLoseOnlyEveryNthMatchingAnswer() throws Exception {
        proxy.dropAnswers("/submit", 2);

        assertThat(post("submit").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> post("submit")).isInstanceOf(IOException.class);
        assertThat(post("submit").statusCode()).isEqualTo(200);
        assertThat(applied).hasSize(3);
        assertThat(proxy.droppedAnswers()).isEqualTo(1);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        proxy.latency(Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> answer = get("slow");

        assertThat(answer.body()).isEqualTo("applied /slow");
        // one delay on the way there and one on the way back
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    /** A request on a fresh client, so that no pooled connection outlives a mode switch. */
    private HttpResponse<String> get(String path) throws Exception {
        return get(path, Duration.ofSeconds(5));
    }

    private HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return send(HttpRequest.newBuilder(proxy.url().resolve(path)).timeout(timeout).build());
    }

    /** A POST, which the client never repeats by itself after a lost answer (a GET it may). */
    private HttpResponse<String> post(String path) throws Exception {
        return send(
                HttpRequest.newBuilder(proxy.url().resolve(path))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
