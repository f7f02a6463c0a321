/**
 * The web edge: RFC 9457 problem details for every rejected request, and the request-size limit.
 */
@NullMarked
package cn.college.disclosure.core.web;

import org.jspecify.annotations.NullMarked;
