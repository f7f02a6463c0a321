/**
 * A fake Huidu LED controller (HTTP JSON API): checks every push's {@code sign}, keeps the current
 * program per controller id, and can be scripted to fail.
 */
@NullMarked
package cn.college.disclosure.fakes.huidu;

import org.jspecify.annotations.NullMarked;
