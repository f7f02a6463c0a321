package cn.college.disclosure.channel.runtime.delivery;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.ChannelRuntimeProperties;
import cn.college.disclosure.channel.runtime.ChannelStatusProperties;
import cn.college.disclosure.channel.runtime.ProviderHealth;
import cn.college.disclosure.channel.runtime.scheduling.ChannelJob;
import cn.college.disclosure.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channel runtime, switched on by a {@link ChannelAdapter} bean: the listener, the ledger, the
 * error handler Boot's listener container factory picks up, the reports and the reconciler.
 */
@AutoConfiguration(
        after = {
            KafkaAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class
        })
@ConditionalOnBean(ChannelAdapter.class)
@EnableConfigurationProperties({ChannelRuntimeProperties.class, ChannelStatusProperties.class})
class DeliveryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Deliveries channelLedger(
            JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        return new Deliveries(jdbc, new TransactionTemplate(transactionManager), clock);
    }

    @Bean
    DeliveryMetrics channelDeliveryMetrics(
            ChannelAdapter adapter, ObjectProvider<MeterRegistry> registry) {
        return new DeliveryMetrics(
                registry.getIfAvailable(() -> Metrics.globalRegistry), adapter.channel());
    }

    @Bean
    DeliveryReports channelDeliveryReports(
            KafkaTemplate<Object, Object> kafka,
            ChannelAdapter adapter,
            Clock clock,
            ChannelRuntimeProperties properties,
            DeliveryMetrics metrics,
            Deliveries ledger) {
        return new DeliveryReports(
                kafka, adapter.channel(), clock, properties.reportTimeout(), metrics, ledger);
    }

    @Bean
    ChannelDeliveries channelDeliveries(
            ChannelAdapter adapter,
            Deliveries deliveries,
            DeliveryReports reports,
            DeliveryMetrics metrics) {
        return new ChannelDeliveries(adapter, deliveries, reports, metrics);
    }

    @Bean
    ChannelRepairs channelRepairs(
            ChannelAdapter adapter,
            ChannelDeliveries deliveries,
            Deliveries ledger,
            DeliveryReports reports,
            DeliveryMetrics metrics) {
        return new ChannelRepairs(adapter, deliveries, ledger, reports, metrics);
    }

    @Bean
    PublicationListener channelPublicationListener(
            ChannelDeliveries deliveries, ChannelRepairs repairs) {
        return new PublicationListener(deliveries, repairs);
    }

    @Bean
    ChannelStatusReporter channelStatusReporter(
            ChannelAdapter adapter,
            KafkaTemplate<Object, Object> kafka,
            ListenerParking parking,
            ObjectProvider<KafkaListenerEndpointRegistry> registry,
            ObjectProvider<ProviderHealth> health,
            Deliveries deliveries,
            Clock clock,
            ChannelStatusProperties properties) {
        String listenerId = adapter.channel().listenerId();
        return new ChannelStatusReporter(
                adapter.channel(),
                kafka,
                parking,
                () -> {
                    KafkaListenerEndpointRegistry endpoints = registry.getIfAvailable();
                    return endpoints == null ? null : endpoints.getListenerContainer(listenerId);
                },
                health::getIfAvailable,
                deliveries,
                clock,
                properties);
    }

    /**
     * The compacted status topic, also declared by publisher-core (same settings, so whichever
     * starts first creates it).
     */
    @Bean
    NewTopic channelStatusTopic() {
        return TopicBuilder.name(Topics.CHANNEL_STATUS).partitions(1).compact().build();
    }

    @Bean
    ListenerParking channelParking(
            ChannelAdapter adapter,
            ObjectProvider<KafkaListenerEndpointRegistry> registry,
            Clock clock,
            ChannelRuntimeProperties properties) {
        String listenerId = adapter.channel().listenerId();
        return new ListenerParking(
                listenerId,
                () -> {
                    KafkaListenerEndpointRegistry endpoints = registry.getIfAvailable();
                    return endpoints == null ? null : endpoints.getListenerContainer(listenerId);
                },
                clock);
    }

    @Bean
    ChannelJob channelResumeCheck(
            ChannelAdapter adapter, ListenerParking parking, ChannelRuntimeProperties properties) {
        return ChannelJob.everyInstance(
                adapter.channel().listenerId() + "-resume-check",
                properties.parking().checkInterval(),
                parking::resumeIfDue);
    }

    @Bean
    ChannelJob channelStatusReports(ChannelAdapter adapter, ChannelStatusReporter reporter) {
        return ChannelJob.everyInstance(
                adapter.channel().listenerId() + "-status-reports",
                reporter.tick(),
                reporter::reportWhileRunning);
    }

    @Bean
    DefaultErrorHandler channelErrorHandler(
            ChannelDeliveries deliveries,
            ChannelRuntimeProperties properties,
            KafkaTemplate<Object, Object> kafka,
            ListenerParking parking,
            TaskScheduler scheduler,
            Clock clock) {
        return new DeliveryFailures(deliveries, properties.retry(), parking, clock)
                .errorHandler(kafka, scheduler);
    }

    @Bean
    StaleAttemptReconciler channelStaleAttemptReconciler(
            ChannelAdapter adapter,
            Deliveries deliveries,
            DeliveryReports reports,
            DeliveryMetrics metrics,
            ChannelRuntimeProperties properties,
            Clock clock,
            ListenerParking parking) {
        return new StaleAttemptReconciler(
                adapter, deliveries, reports, metrics, properties.reconciler(), clock, parking);
    }

    @Bean
    @ConditionalOnBooleanProperty(
            name = "channel.runtime.reconciler.enabled",
            matchIfMissing = true)
    ChannelJob channelStaleAttempts(
            ChannelAdapter adapter,
            StaleAttemptReconciler reconciler,
            ChannelRuntimeProperties properties) {
        return ChannelJob.oneInstance(
                adapter.channel().listenerId() + "-stale-attempts",
                properties.reconciler().interval(),
                reconciler::reconcileStale);
    }

    @Bean
    OwedReports channelOwedReports(
            Deliveries deliveries,
            DeliveryReports reports,
            ChannelRuntimeProperties properties,
            Clock clock) {
        return new OwedReports(deliveries, reports, properties.owedReports(), clock);
    }

    @Bean
    ChannelJob channelOwedReportsJob(
            ChannelAdapter adapter, OwedReports owed, ChannelRuntimeProperties properties) {
        return ChannelJob.oneInstance(
                adapter.channel().listenerId() + "-owed-reports",
                properties.owedReports().interval(),
                owed::sendOwed);
    }
}
