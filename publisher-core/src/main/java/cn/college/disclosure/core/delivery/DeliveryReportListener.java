package cn.college.disclosure.core.delivery;

import cn.college.disclosure.contract.DeliveryReported;
import cn.college.disclosure.contract.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads the channels' delivery reports; errors go through the shared Kafka error handler. */
@Component
class DeliveryReportListener {

    private final DeliveryReports reports;

    DeliveryReportListener(DeliveryReports reports) {
        this.reports = reports;
    }

    @KafkaListener(id = "publisher-core-delivery-reports", topics = Topics.DELIVERY_REPORTS)
    void on(DeliveryReported report) {
        reports.apply(report);
    }
}
