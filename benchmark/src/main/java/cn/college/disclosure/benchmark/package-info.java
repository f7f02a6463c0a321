/**
 * The pipeline's speed, measured as a ratio to what the same broker does with a plain producer and
 * consumer in the same run on the same machine.
 */
@NullMarked
package cn.college.disclosure.benchmark;

import org.jspecify.annotations.NullMarked;
