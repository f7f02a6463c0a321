/**
 * The real broker and database behind every integration test, chosen once per JVM: Testcontainers
 * when a Docker engine answers, otherwise the in-process KRaft broker and embedded PostgreSQL.
 */
@NullMarked
package cn.college.disclosure.testinfrastructure;

import org.jspecify.annotations.NullMarked;
