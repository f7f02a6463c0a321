package cn.college.disclosure.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server process (zonky's embedded binaries) on a data directory that survives
 * restarts. As root, zonky runs the server through a user namespace, so this works in containers
 * and CI too.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on the directory, creating it on first use.
     *
     * @param dataDirectory where the cluster lives; kept between runs
     * @param port the port, or 0 for a free one
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            // whoever started it stops it, in order: after the application
                            // context's
                            // data source, after the local stack's services; zonky's own JVM hook
                            // would stop it at once, under everything still using it
                            .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
