package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryContext;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.channel.runtime.TransientDeliveryFailure;
import cn.college.disclosure.channel.runtime.resilience.ProviderUnavailable;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.PublicationRetracted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The decisions of the ledger: when to push, when to ask, when only to report. */
class ChannelDeliveriesTests {

    private static final URI PAGE = URI.create("http://localhost:8081/items/x.html");

    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private final Deliveries ledger = mock(Deliveries.class);
    private final DeliveryReports reports = mock(DeliveryReports.class);
    private final ChannelDeliveries deliveries =
            new ChannelDeliveries(
                    adapter,
                    ledger,
                    reports,
                    new DeliveryMetrics(new SimpleMeterRegistry(), Channel.WEBSITE));

    private final PublicationRequested request = ContractFixtures.publicationRequested();
    private final UUID item = request.itemId();
    private final int version = request.version();

    @BeforeEach
    void websiteChannel() {
        when(adapter.channel()).thenReturn(Channel.WEBSITE);
        when(ledger.deliveredOtherThan(any(), anyInt())).thenReturn(Optional.empty());
    }

    @Test
    void recordsTheAttemptBeforeCallingTheAdapterAndReportsDelivered() {
        when(ledger.find(item, version)).thenReturn(Optional.empty());
        when(ledger.startAttempt(eq(item), eq(version), eq(LedgerStatus.IN_FLIGHT), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 1));
        when(adapter.publish(eq(request), any()))
                .thenReturn(DeliveryOutcome.delivered(PAGE, "items/x.html"));
        LedgerEntry delivered = entry(LedgerStatus.DELIVERED, 1);
        when(ledger.recordDelivered(item, version, PAGE, "items/x.html", null, List.of()))
                .thenReturn(delivered);

        deliveries.deliver(request);

        InOrder order = inOrder(ledger, adapter, reports);
        order.verify(ledger)
                .startAttempt(eq(item), eq(version), eq(LedgerStatus.IN_FLIGHT), any(), any());
        order.verify(adapter).publish(eq(request), any());
        order.verify(ledger).recordDelivered(item, version, PAGE, "items/x.html", null, List.of());
        order.verify(reports).report(delivered);
        order.verify(ledger).markProcessed(request.eventId(), item);
    }

    @Test
    void givesTheAdapterTheAttemptAStableIdempotencyKeyAndTheVersionItReplaces() {
        var previous = new cn.college.disclosure.channel.runtime.DeliveredVersion(1, PAGE, "ref-1");
        when(ledger.find(item, version)).thenReturn(Optional.empty());
        when(ledger.deliveredOtherThan(item, version)).thenReturn(Optional.of(previous));
        when(ledger.startAttempt(any(), anyInt(), any(), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 1));
        when(adapter.publish(eq(request), any())).thenReturn(DeliveryOutcome.failed("refused"));
        when(ledger.record(item, version, LedgerStatus.FAILED, null, "refused"))
                .thenReturn(entry(LedgerStatus.FAILED, 1));

        deliveries.deliver(request);

        ArgumentCaptor<DeliveryContext> context = ArgumentCaptor.forClass(DeliveryContext.class);
        verify(adapter).publish(eq(request), context.capture());
        assertThat(context.getValue().replacing()).isEqualTo(previous);
        assertThat(context.getValue().attempt()).isEqualTo(1);
        assertThat(context.getValue().idempotencyKey())
                .isEqualTo(Deliveries.idempotencyKey("WEBSITE", item, version))
                .isEqualTo(Deliveries.idempotencyKey("WEBSITE", item, version))
                .isNotEqualTo(Deliveries.idempotencyKey("WECHAT", item, version));
    }

    @Test
    void doesNotPushAVersionThatIsAlreadyDeliveredButReportsItAgain() {
        LedgerEntry delivered = entry(LedgerStatus.DELIVERED, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(delivered));

        deliveries.deliver(request);

        verify(adapter, never()).publish(any(), any());
        verify(adapter, never()).reconcile(any());
        verify(reports).report(delivered);
    }

    @Test
    void asksTheProviderInsteadOfPushingWhenAnAttemptWasLeftInFlight() {
        LedgerEntry inFlight = entry(LedgerStatus.IN_FLIGHT, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(inFlight));
        when(adapter.reconcile(inFlight.attempt()))
                .thenReturn(DeliveryOutcome.delivered(PAGE, "items/x.html"));
        LedgerEntry delivered = entry(LedgerStatus.DELIVERED, 1);
        when(ledger.recordDelivered(item, version, PAGE, "items/x.html", null, List.of()))
                .thenReturn(delivered);

        deliveries.deliver(request);

        verify(adapter, never()).publish(any(), any());
        verify(reports).report(delivered);
    }

    @Test
    void staysUnconfirmedWhenTheProviderCannotTellAndNeverPushes() {
        LedgerEntry inFlight = entry(LedgerStatus.IN_FLIGHT, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(inFlight));
        when(adapter.reconcile(any())).thenReturn(DeliveryOutcome.unconfirmed("no answer"));
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 1);
        when(ledger.record(item, version, LedgerStatus.UNCONFIRMED, null, "no answer"))
                .thenReturn(unconfirmed);

        deliveries.deliver(request);

        verify(adapter, never()).publish(any(), any());
        verify(reports).report(unconfirmed);
        assertThat(unconfirmed.status().reported()).isEqualTo(DeliveryStatus.UNCONFIRMED);
    }

    @Test
    void pushesOnceWhenTheProviderCertainlyDoesNotHaveTheItem() {
        LedgerEntry inFlight = entry(LedgerStatus.IN_FLIGHT, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(inFlight));
        when(adapter.reconcile(any())).thenReturn(DeliveryOutcome.absent());
        when(ledger.startAttempt(any(), anyInt(), any(), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 2));
        when(adapter.publish(eq(request), any())).thenReturn(DeliveryOutcome.delivered(PAGE, null));
        when(ledger.recordDelivered(item, version, PAGE, null, null, List.of()))
                .thenReturn(entry(LedgerStatus.DELIVERED, 2));

        deliveries.deliver(request);

        verify(adapter).publish(eq(request), any());
    }

    @Test
    void ignoresAnEventProcessedBefore() {
        when(ledger.processed(request.eventId())).thenReturn(true);

        deliveries.deliver(request);

        verify(adapter, never()).publish(any(), any());
        verify(reports, never()).report(any());
    }

    @Test
    void reportsSkippedForAnItemNotTargetedAtTheChannel() {
        PublicationRequested wechatOnly = targeting(Set.of(Channel.WECHAT));
        LedgerEntry skipped = entry(LedgerStatus.SKIPPED, 0);
        when(ledger.recordSkipped(eq(item), eq(version), any(), any(), anyString()))
                .thenReturn(skipped);

        deliveries.deliver(wechatOnly);

        verify(adapter, never()).publish(any(), any());
        verify(reports).report(skipped);
        verify(ledger).markProcessed(wechatOnly.eventId(), item);
    }

    @Test
    void recordsATransientFailureAsRetryingAndLetsTheErrorHandlerRetry() {
        when(ledger.find(item, version)).thenReturn(Optional.empty());
        when(ledger.startAttempt(any(), anyInt(), any(), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 1));
        when(adapter.publish(any(), any())).thenThrow(new TransientDeliveryFailure("503"));

        assertThatThrownBy(() -> deliveries.deliver(request))
                .isInstanceOf(TransientDeliveryFailure.class);

        verify(ledger).record(item, version, LedgerStatus.RETRYING, null, "503");
        verify(ledger, never()).markProcessed(any(), any());
    }

    @Test
    void aReconcileThatCannotReachTheProviderIsAnOutageNotAnAnswer() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.IN_FLIGHT, 2)));
        when(adapter.reconcile(any())).thenThrow(new ProviderUnavailable("connection refused"));

        assertThatThrownBy(() -> deliveries.deliver(request))
                .isInstanceOf(TransientDeliveryFailure.class)
                .hasMessageContaining("connection refused");

        verify(ledger).outageBegan(item, version);
        verify(adapter, never()).publish(any(), any());
        verify(ledger, never()).record(any(), anyInt(), any(), any(), any());
        verify(ledger, never()).markProcessed(any(), any());
    }

    @Test
    void anAsynchronousOutcomeWhoseReportIsLostStaysRecordedAndOwed() {
        when(ledger.find(item, version))
                .thenReturn(Optional.of(entry(LedgerStatus.PENDING, 1)))
                .thenReturn(Optional.of(entry(LedgerStatus.DELIVERED, 1)));
        when(ledger.transition(any(), eq(LedgerStatus.DELIVERED), any(), any(), any(), any()))
                .thenReturn(true);
        org.mockito.Mockito.doThrow(
                        new DeliveryReports.ReportNotSent(
                                new cn.college.disclosure.contract.DeliveryReported(
                                        UUID.randomUUID(),
                                        item,
                                        version,
                                        Instant.now(),
                                        Channel.WEBSITE,
                                        DeliveryStatus.DELIVERED,
                                        PAGE,
                                        1,
                                        null),
                                new RuntimeException("broker away")))
                .when(reports)
                .report(any(LedgerEntry.class));

        boolean changed =
                deliveries.arrived(item, version, DeliveryOutcome.delivered(PAGE, "items/x.html"));

        assertThat(changed).isTrue();
    }

    @Test
    void leavesTheAttemptInFlightWhenTheAdapterFailsInAnUnknownWay() {
        when(ledger.find(item, version)).thenReturn(Optional.empty());
        when(ledger.startAttempt(any(), anyInt(), any(), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 1));
        when(adapter.publish(any(), any())).thenThrow(new IllegalStateException("socket closed"));

        assertThatThrownBy(() -> deliveries.deliver(request))
                .isInstanceOf(IllegalStateException.class);

        verify(ledger, never()).record(any(), anyInt(), any(), any(), any());
        verify(ledger, never()).recordDelivered(any(), anyInt(), any(), any(), any(), any());
    }

    @Test
    void givingUpOnAnAttemptOfUnknownOutcomeReportsUnconfirmedNotFailed() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.IN_FLIGHT, 3)));
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 3);
        when(ledger.record(
                        eq(item), eq(version), eq(LedgerStatus.UNCONFIRMED), isNull(), anyString()))
                .thenReturn(unconfirmed);

        deliveries.giveUp(request, "socket closed");

        verify(reports).report(unconfirmed);
    }

    @Test
    void givingUpAfterTransientFailuresRecordsAndReportsFailed() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.RETRYING, 3)));
        LedgerEntry failed = entry(LedgerStatus.FAILED, 3);
        when(ledger.record(eq(item), eq(version), eq(LedgerStatus.FAILED), isNull(), anyString()))
                .thenReturn(failed);

        deliveries.giveUp(request, "503");

        verify(reports).report(failed);
    }

    @Test
    void retractsTheVersionTheChannelShows() {
        PublicationRetracted retraction = ContractFixtures.publicationRetracted();
        LedgerEntry shown = entry(LedgerStatus.DELIVERED, 1);
        when(ledger.ofItem(item)).thenReturn(List.of(shown));
        when(ledger.startAttempt(eq(item), eq(version), eq(LedgerStatus.RETRACTING), any(), any()))
                .thenReturn(entry(LedgerStatus.RETRACTING, 2));
        when(adapter.retract(eq(retraction), any())).thenReturn(DeliveryOutcome.retracted());
        LedgerEntry retracted = entry(LedgerStatus.RETRACTED, 2);
        when(ledger.recordRetracted(eq(item), eq(version), any(), any(), any()))
                .thenReturn(retracted);

        deliveries.retract(retraction);

        ArgumentCaptor<DeliveryContext> context = ArgumentCaptor.forClass(DeliveryContext.class);
        verify(adapter).retract(eq(retraction), context.capture());
        assertThat(context.getValue().replacing().externalUrl()).isEqualTo(PAGE);
        verify(reports).report(retracted);
    }

    @Test
    void reportsSkippedForARetractionOfAnItemTheChannelNeverHad() {
        PublicationRetracted retraction = ContractFixtures.publicationRetracted();
        when(ledger.ofItem(item)).thenReturn(List.of());
        LedgerEntry skipped = entry(LedgerStatus.SKIPPED, 0);
        when(ledger.recordSkipped(eq(item), eq(version), any(), any(), anyString()))
                .thenReturn(skipped);

        deliveries.retract(retraction);

        verify(adapter, never()).retract(any(), any());
        verify(reports).report(skipped);
    }

    private PublicationRequested targeting(Set<Channel> channels) {
        PublicationRequested r = request;
        return new PublicationRequested(
                r.eventId(),
                r.itemId(),
                r.version(),
                r.occurredAt(),
                r.title(),
                r.summary(),
                r.bodyHtml(),
                channels,
                r.catalogueItem(),
                r.department(),
                r.canonicalUrl(),
                r.ledText(),
                r.producedOn(),
                r.approvedBy());
    }

    private LedgerEntry entry(LedgerStatus status, int attempts) {
        return new LedgerEntry(
                item,
                version,
                status,
                attempts,
                Deliveries.idempotencyKey("WEBSITE", item, version),
                status == LedgerStatus.DELIVERED ? PAGE : null,
                null,
                null,
                Instant.parse("2021-03-15T01:30:01Z"),
                Instant.parse("2021-03-15T01:30:01Z"),
                List.of(),
                null);
    }
}
