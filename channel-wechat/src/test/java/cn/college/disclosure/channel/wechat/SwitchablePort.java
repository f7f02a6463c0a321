package cn.college.disclosure.channel.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port in front of the fake WeChat that forwards every connection, until {@link #refuse()}: then
 * nothing listens on it (connections are refused) and open connections are cut; {@link #pass()}
 * listens again on the same port. WeChat unreachable, as a client sees it.
 */
final class SwitchablePort implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    SwitchablePort(int targetPort) {
        this.target = new InetSocketAddress("127.0.0.1", targetPort);
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pass();
    }

    int port() {
        return port;
    }

    synchronized void pass() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress("127.0.0.1", port));
            server = listening;
            daemon("switchable-port-accept", () -> accept(listening));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void refuse() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        open.forEach(SwitchablePort::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        refuse();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 2000);
                open.add(client);
                open.add(upstream);
                daemon("switchable-port-out", () -> pipe(client, upstream));
                daemon("switchable-port-in", () -> pipe(upstream, client));
            } catch (IOException e) {
                // closed by refuse(), or the fake is gone
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
