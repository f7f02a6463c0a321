package cn.college.disclosure.channel.runtime.scheduling;

import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import java.time.Clock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduling for the channel's jobs ({@link ChannelJob}), with ShedLock's JDBC lock
 * provider on the channel's own data source (its {@code shedlock} table comes with the runtime's
 * Flyway migrations). Before Boot's task scheduling, so that Boot builds the scheduler.
 */
@AutoConfiguration(
        before = TaskSchedulingAutoConfiguration.class,
        after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableScheduling
@EnableConfigurationProperties(ChannelRuntimeProperties.class)
class SchedulingAutoConfiguration {

    /**
     * The resume check, the reports and the jobs that call providers must not queue behind each
     * other.
     */
    private static final int LEAST_THREADS = 4;

    @Bean
    ThreadPoolTaskSchedulerCustomizer channelSchedulerThreads() {
        return scheduler -> {
            if (scheduler.getPoolSize() < LEAST_THREADS) {
                scheduler.setPoolSize(LEAST_THREADS);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    LockProvider channelLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build());
    }

    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor channelLockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }

    @Bean
    ChannelJobs channelJobs(
            ObjectProvider<ChannelJob> jobs,
            ObjectProvider<ChannelJobSource> sources,
            LockingTaskExecutor locks,
            ObjectProvider<Clock> clock,
            ChannelRuntimeProperties properties) {
        return new ChannelJobs(
                Stream.concat(
                                jobs.orderedStream(),
                                sources.orderedStream().flatMap(source -> source.jobs().stream()))
                        .toList(),
                locks,
                clock.getIfAvailable(Clock::systemUTC),
                properties.scheduling().lockAtMostFor(),
                properties.scheduling().lockAtLeastFor());
    }
}
