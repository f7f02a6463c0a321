/**
 * The local stack: starts the pipeline's real parts on one machine, each as its own process, and
 * stops them in reverse order. Also used by the end-to-end tests to run the services as they run in
 * production.
 */
@NullMarked
package cn.college.disclosure.deploy;

import org.jspecify.annotations.NullMarked;
