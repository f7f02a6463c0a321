/** Users, their roles and departments, and HTTP security. */
@NullMarked
package cn.college.disclosure.core.account;

import org.jspecify.annotations.NullMarked;
