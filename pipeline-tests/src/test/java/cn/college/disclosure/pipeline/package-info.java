/** The approve-once pipeline, end to end, with every part real and each service its own process. */
@NullMarked
package cn.college.disclosure.pipeline;

import org.jspecify.annotations.NullMarked;
