package cn.college.disclosure.channel.runtime.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals in every channel service as RFC 9457 problem details: an unreadable or
 * mistyped JSON body, a missing or mistyped parameter, an unsupported method (405) or media type
 * (415), an unacceptable {@code Accept} (406), no such path (404). A channel's own advice (its
 * domain facts, e.g. the LED feeds' {@code FeedProblems}) is consulted before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ChannelProblemHandler extends ResponseEntityExceptionHandler {}
