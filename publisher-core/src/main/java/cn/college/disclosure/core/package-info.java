/** publisher-core: liaisons draft and approve items; approved versions leave through the outbox. */
@NullMarked
package cn.college.disclosure.core;

import org.jspecify.annotations.NullMarked;
