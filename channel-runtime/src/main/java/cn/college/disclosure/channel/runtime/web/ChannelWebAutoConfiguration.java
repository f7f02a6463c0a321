package cn.college.disclosure.channel.runtime.web;

import cn.college.disclosure.channel.runtime.ChannelParking;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code GET /channel/parking} in every channel service that serves HTTP, and answers its
 * JSON endpoints' refusals with problem details ({@link ChannelProblemHandler}).
 */
@AutoConfiguration(
        afterName = "cn.college.disclosure.channel.runtime.delivery.DeliveryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RestController.class)
@ConditionalOnBean(ChannelParking.class)
@Import({ParkingController.class, ChannelProblemHandler.class})
class ChannelWebAutoConfiguration {}
