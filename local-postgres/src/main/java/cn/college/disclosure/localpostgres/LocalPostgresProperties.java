package cn.college.disclosure.localpostgres;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL a service starts when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the database cluster lives; it is kept between runs
 * @param port the port the server listens on; 0 picks a free one
 */
@ConfigurationProperties("local-postgres")
public record LocalPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port) {}
