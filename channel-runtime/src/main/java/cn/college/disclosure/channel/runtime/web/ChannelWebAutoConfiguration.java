package cn.college.disclosure.channel.runtime.web;

import cn.college.disclosure.channel.runtime.ChannelParking;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code GET /channel/parking} in every channel service that serves HTTP, and answers every
 * refusal of 400 or more to a client that does not ask for HTML with problem details: Spring MVC's
 * ({@link ChannelProblemHandler}) and those that end on {@code /error} ({@link
 * ChannelErrorController}).
 */
@AutoConfiguration(
        afterName = "cn.college.disclosure.channel.runtime.delivery.DeliveryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RestController.class)
@ConditionalOnBean(ChannelParking.class)
@Import({ParkingController.class, ChannelProblemHandler.class, ChannelErrorController.class})
class ChannelWebAutoConfiguration {}
