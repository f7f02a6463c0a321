package cn.college.disclosure.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy between a service and the provider it calls, with Toxiproxy's model of faults,
 * switched at run time: {@link Mode#PASS} forwards both ways; {@link Mode#REFUSE} stops listening
 * (a connection attempt is refused) and cuts every open connection; {@link Mode#BLACKHOLE} accepts
 * and reads but never answers; {@link Mode#DROP_ANSWER} forwards a request upstream, reads and
 * discards the upstream's answer and closes the client's connection without a byte: the provider
 * applied the request, the caller never learns it. {@link #latency(Duration)} delays every chunk in
 * each direction.
 *
 * <p>Drop-the-answer can be narrowed to the HTTP requests whose request line contains a text (e.g.
 * {@code /cgi-bin/freepublish/submit}) and to every n-th of them, so that the calls around it (a
 * token, a draft) still work. The request line is recognised at the start of a chunk the client
 * sent, which is where an HTTP/1.1 client writes it.
 */
final class FaultProxy implements AutoCloseable {

    /** What the proxy does to traffic. */
    enum Mode {
        PASS,
        REFUSE,
        BLACKHOLE,
        DROP_ANSWER
    }

    private final String name;
    private final InetSocketAddress upstream;
    private final int port;
    private final ExecutorService threads =
            Executors.newCachedThreadPool(
                    runnable -> {
                        Thread thread = new Thread(runnable, "fault-proxy");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong matchingRequests = new AtomicLong();
    private final AtomicLong droppedAnswers = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ZERO;
    private volatile String dropMatching = "";
    private volatile int dropEvery = 1;
    private @Nullable ServerSocket listening;
    private volatile boolean closed;

    /** A proxy on a free local port in front of {@code upstream}, passing traffic. */
    FaultProxy(String name, URI upstream) {
        this.name = name;
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        ServerSocket socket = bind(0);
        this.port = socket.getLocalPort();
        listen(socket);
    }

    int port() {
        return port;
    }

    /** {@code http://localhost:<port>/}: the upstream's base URL as seen through the proxy. */
    URI url() {
        return URI.create("http://localhost:" + port + "/");
    }

    String name() {
        return name;
    }

    Mode mode() {
        return mode;
    }

    /** Switches the mode for new connections and for every chunk read from now on. */
    synchronized void mode(Mode next) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        Mode previous = mode;
        mode = next;
        if (next == Mode.REFUSE && previous != Mode.REFUSE) {
            stopListening();
            open.forEach(Connection::close);
        } else if (next != Mode.REFUSE && previous == Mode.REFUSE) {
            listen(bind(port));
        }
    }

    /** Back to {@link Mode#PASS}, no latency, no drop filter. */
    synchronized void heal() {
        mode(Mode.PASS);
        latency = Duration.ZERO;
        dropMatching = "";
        dropEvery = 1;
    }

    /**
     * Drops the answer to every {@code every}-th HTTP request whose request line contains {@code
     * matching} (all requests when it is empty); other requests pass.
     */
    synchronized void dropAnswers(String matching, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1");
        }
        dropMatching = matching;
        dropEvery = every;
        mode(Mode.DROP_ANSWER);
    }

    /** Delays each chunk in each direction by this much (zero: none). */
    void latency(Duration delay) {
        latency = delay;
    }

    long acceptedConnections() {
        return accepted.get();
    }

    /** Answers the proxy read from the upstream and threw away. */
    long droppedAnswers() {
        return droppedAnswers.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopListening();
        open.forEach(Connection::close);
        threads.shutdownNow();
    }

    private ServerSocket bind(int on) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 200);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot listen on port " + on, e);
        }
    }

    private void listen(ServerSocket socket) {
        listening = socket;
        threads.execute(() -> accept(socket));
    }

    private void stopListening() {
        ServerSocket socket = listening;
        listening = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is asked
            }
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // stopped listening
            }
            accepted.incrementAndGet();
            Connection connection = new Connection(client);
            open.add(connection);
            threads.execute(connection::run);
        }
    }

    /** One client connection and, unless black-holed from the start, its upstream connection. */
    private final class Connection {

        private final Socket client;
        private @Nullable Socket server;

        /** The client's last request had its answer marked to be dropped. */
        private volatile boolean dropNextAnswer;

        Connection(Socket client) {
            this.client = client;
        }

        void run() {
            try {
                if (mode == Mode.BLACKHOLE) {
                    // accepted, never answered: read and discard until the client gives up
                    discard(client.getInputStream());
                    return;
                }
                Socket upstreamSocket = new Socket();
                upstreamSocket.connect(upstream, 5_000);
                server = upstreamSocket;
                threads.execute(this::fromServer);
                fromClient();
            } catch (IOException e) {
                // the client or the upstream went away; so does the connection
            } finally {
                close();
            }
        }

        private void fromClient() throws IOException {
            InputStream in = client.getInputStream();
            OutputStream out = server().getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                delay();
                Mode now = mode;
                if (now == Mode.BLACKHOLE) {
                    continue; // swallowed: the upstream never sees it, the client never hears
                }
                if (now == Mode.DROP_ANSWER && startsMatchingRequest(buffer, read)) {
                    dropNextAnswer = true;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        }

        private void fromServer() {
            try {
                InputStream in = server().getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    delay();
                    if (dropNextAnswer) {
                        // the upstream applied the request and answered; the answer is lost
                        droppedAnswers.incrementAndGet();
                        close();
                        return;
                    }
                    if (mode == Mode.BLACKHOLE) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                close();
            }
        }

        private boolean startsMatchingRequest(byte[] buffer, int length) {
            int end = 0;
            while (end < length && end < 2048 && buffer[end] != '\r' && buffer[end] != '\n') {
                end++;
            }
            String line = new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
            if (!line.matches("^[A-Z]+ \\S+ HTTP/1\\.[01]$") || !line.contains(dropMatching)) {
                return false;
            }
            return matchingRequests.incrementAndGet() % dropEvery == 0;
        }

        private Socket server() {
            Socket socket = server;
            if (socket == null) {
                throw new IllegalStateException("no upstream connection");
            }
            return socket;
        }

        void close() {
            open.remove(this);
            closeQuietly(client);
            Socket socket = server;
            if (socket != null) {
                closeQuietly(socket);
            }
        }
    }

    private void delay() {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // nothing is answered
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (SocketException ignored) {
            // already closed
        } catch (IOException ignored) {
            // closing is all that is asked
        }
    }

    @Override
    public String toString() {
        return "%s :%d → %s (%s)".formatted(name, port, upstream, mode);
    }
}
