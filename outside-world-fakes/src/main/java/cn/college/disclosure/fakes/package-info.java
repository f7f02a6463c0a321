/**
 * Fakes of the providers the channels publish to, for tests and the local stack; one package per
 * provider.
 */
@NullMarked
package cn.college.disclosure.fakes;

import org.jspecify.annotations.NullMarked;
