package cn.college.disclosure.testinfrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a real Kafka broker and a real PostgreSQL, and points Spring Boot at them
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.datasource.*}) before any application
 * context starts. The same tests run against containers or in-process servers; see {@link
 * TestInfrastructure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PipelineInfrastructureExtension.class)
public @interface PipelineInfrastructure {}
