package cn.college.disclosure.testinfrastructure;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the JVM's {@link TestInfrastructure} once and exposes it as Spring Boot properties. */
class PipelineInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        System.setProperty(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        System.setProperty("spring.datasource.url", infrastructure.jdbcUrl());
        System.setProperty("spring.datasource.username", infrastructure.username());
        System.setProperty("spring.datasource.password", infrastructure.password());
    }
}
