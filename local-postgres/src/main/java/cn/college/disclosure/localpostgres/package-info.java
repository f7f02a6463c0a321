/**
 * Embedded PostgreSQL for a service started without {@code spring.datasource.url}: the default of
 * the quick start, never of production.
 */
@NullMarked
package cn.college.disclosure.localpostgres;

import org.jspecify.annotations.NullMarked;
