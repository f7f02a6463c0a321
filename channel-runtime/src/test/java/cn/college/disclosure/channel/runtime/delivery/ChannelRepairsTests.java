package cn.college.disclosure.channel.runtime.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.college.disclosure.channel.runtime.ChannelAdapter;
import cn.college.disclosure.channel.runtime.DeliveryOutcome;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.ContractFixtures;
import cn.college.disclosure.contract.DeliveryRepairRequested;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.PublicationRequested;
import cn.college.disclosure.contract.RepairAction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** An operator's repairs decided from the ledger: never a second push of what may be live. */
class ChannelRepairsTests {

    private static final URI PAGE = URI.create("http://localhost:8081/items/x.html");

    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private final Deliveries ledger = mock(Deliveries.class);
    private final DeliveryReports reports = mock(DeliveryReports.class);
    private final DeliveryMetrics metrics =
            new DeliveryMetrics(new SimpleMeterRegistry(), Channel.WEBSITE);
    private final ChannelDeliveries deliveries =
            new ChannelDeliveries(adapter, ledger, reports, metrics);
    private final ChannelRepairs repairs =
            new ChannelRepairs(adapter, deliveries, ledger, reports, metrics);

    private final PublicationRequested request = ContractFixtures.publicationRequested();
    private final UUID item = request.itemId();
    private final int version = request.version();

    @BeforeEach
    void websiteChannel() {
        when(adapter.channel()).thenReturn(Channel.WEBSITE);
        when(ledger.deliveredOtherThan(any(), anyInt())).thenReturn(Optional.empty());
        when(ledger.ofItem(item)).thenReturn(List.of());
        when(ledger.storedRequest(item, version)).thenReturn(Optional.of(request));
    }

    @Test
    void retryOfADeliveredVersionNeverPushesButReportsItAgain() {
        LedgerEntry delivered = entry(LedgerStatus.DELIVERED, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(delivered));

        repairs.repair(repair(RepairAction.RETRY));

        verify(adapter, never()).publish(any(), any());
        verify(adapter, never()).reconcile(any());
        verify(reports).report(delivered);
    }

    @Test
    void retryOfAFailedVersionPushesTheStoredRequestOnce() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.FAILED, 6)));
        when(ledger.startAttempt(eq(item), eq(version), eq(LedgerStatus.IN_FLIGHT), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 7));
        when(adapter.publish(eq(request), any())).thenReturn(DeliveryOutcome.delivered(PAGE, "p"));
        LedgerEntry delivered = entry(LedgerStatus.DELIVERED, 7);
        when(ledger.recordDelivered(item, version, PAGE, "p", null, List.of()))
                .thenReturn(delivered);
        DeliveryRepairRequested retry = repair(RepairAction.RETRY);

        repairs.repair(retry);

        verify(adapter, times(1)).publish(eq(request), any());
        InOrder order = inOrder(ledger, adapter, reports);
        order.verify(ledger)
                .startAttempt(eq(item), eq(version), eq(LedgerStatus.IN_FLIGHT), any(), any());
        order.verify(adapter).publish(eq(request), any());
        order.verify(reports).report(delivered);
        order.verify(ledger).markProcessed(retry.eventId(), item);
    }

    @Test
    void retryOfAnUnconfirmedVersionAsksTheProviderFirstAndDoesNotPushWhatItHas() {
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(unconfirmed));
        when(adapter.reconcile(unconfirmed.attempt()))
                .thenReturn(DeliveryOutcome.delivered(PAGE, "p"));
        when(ledger.recordDelivered(item, version, PAGE, "p", null, List.of()))
                .thenReturn(entry(LedgerStatus.DELIVERED, 1));

        repairs.repair(repair(RepairAction.RETRY));

        verify(adapter).reconcile(unconfirmed.attempt());
        verify(adapter, never()).publish(any(), any());
    }

    @Test
    void retryOfAnUnconfirmedVersionPushesOnlyAfterTheProviderSaysItIsAbsent() {
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 1);
        when(ledger.find(item, version)).thenReturn(Optional.of(unconfirmed));
        when(adapter.reconcile(unconfirmed.attempt())).thenReturn(DeliveryOutcome.absent());
        when(ledger.startAttempt(any(), anyInt(), any(), any(), any()))
                .thenReturn(entry(LedgerStatus.IN_FLIGHT, 2));
        when(adapter.publish(eq(request), any())).thenReturn(DeliveryOutcome.delivered(PAGE, "p"));
        when(ledger.recordDelivered(item, version, PAGE, "p", null, List.of()))
                .thenReturn(entry(LedgerStatus.DELIVERED, 2));

        repairs.repair(repair(RepairAction.RETRY));

        InOrder order = inOrder(adapter);
        order.verify(adapter).reconcile(unconfirmed.attempt());
        order.verify(adapter, times(1)).publish(eq(request), any());
    }

    @Test
    void retryDoesNotPushAVersionANewerOneReplaced() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.FAILED, 6)));
        when(ledger.ofItem(item))
                .thenReturn(
                        List.of(
                                new LedgerEntry(
                                        item,
                                        version + 1,
                                        LedgerStatus.DELIVERED,
                                        1,
                                        "k",
                                        PAGE,
                                        null,
                                        null,
                                        null,
                                        Instant.now(),
                                        List.of(),
                                        null),
                                entry(LedgerStatus.FAILED, 6)));

        repairs.repair(repair(RepairAction.RETRY));

        verify(adapter, never()).publish(any(), any());
        verify(reports)
                .report(
                        eq(item),
                        eq(version),
                        eq(DeliveryStatus.FAILED),
                        any(),
                        eq(6),
                        anyString());
    }

    @Test
    void ignoresARepairForAnotherChannel() {
        DeliveryRepairRequested forWeChat =
                new DeliveryRepairRequested(
                        UUID.randomUUID(),
                        item,
                        version,
                        Instant.now(),
                        Channel.WECHAT,
                        RepairAction.RETRY,
                        "operator",
                        null);

        repairs.repair(forWeChat);

        verifyNoInteractions(ledger, reports);
        verify(adapter, never()).publish(any(), any());
    }

    @Test
    void ignoresARepairCarriedOutBefore() {
        DeliveryRepairRequested retry = repair(RepairAction.RETRY);
        when(ledger.processed(retry.eventId())).thenReturn(true);

        repairs.repair(retry);

        verify(ledger, never()).find(any(), anyInt());
        verify(adapter, never()).publish(any(), any());
    }

    @Test
    void reconcileAsksTheProviderAndNeverPushesEvenWhenItIsAbsent() {
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 1);
        when(ledger.find(item, version))
                .thenReturn(Optional.of(unconfirmed))
                .thenReturn(Optional.of(entry(LedgerStatus.FAILED, 1)));
        when(adapter.reconcile(unconfirmed.attempt())).thenReturn(DeliveryOutcome.absent());
        when(ledger.transition(eq(unconfirmed), eq(LedgerStatus.FAILED), any(), any(), any()))
                .thenReturn(true);

        repairs.repair(repair(RepairAction.RECONCILE));

        verify(adapter, never()).publish(any(), any());
        verify(ledger).transition(eq(unconfirmed), eq(LedgerStatus.FAILED), any(), any(), any());
    }

    @Test
    void resolvingRecordsWhoDecidedAndTheirNote() {
        LedgerEntry unconfirmed = entry(LedgerStatus.UNCONFIRMED, 1);
        when(ledger.find(item, version))
                .thenReturn(Optional.of(unconfirmed))
                .thenReturn(Optional.of(entry(LedgerStatus.DELIVERED, 1)));
        when(ledger.resolve(eq(unconfirmed), eq(LedgerStatus.DELIVERED), eq("operator"), any()))
                .thenReturn(true);

        repairs.repair(repair(RepairAction.RESOLVE_DELIVERED));

        ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
        verify(ledger)
                .resolve(
                        eq(unconfirmed),
                        eq(LedgerStatus.DELIVERED),
                        eq("operator"),
                        detail.capture());
        assertThat(detail.getValue()).isEqualTo("marked delivered by operator: 后台已确认");
        verify(adapter, never()).publish(any(), any());
        verify(adapter, never()).reconcile(any());
    }

    @Test
    void aDecisionOnASettledVersionIsNotRecorded() {
        when(ledger.find(item, version)).thenReturn(Optional.of(entry(LedgerStatus.DELIVERED, 1)));

        repairs.repair(repair(RepairAction.RESOLVE_FAILED));

        verify(ledger, never()).resolve(any(), any(), any(), any());
        verify(reports)
                .report(
                        eq(item),
                        eq(version),
                        eq(DeliveryStatus.DELIVERED),
                        eq(PAGE),
                        eq(1),
                        anyString());
    }

    private DeliveryRepairRequested repair(RepairAction action) {
        return new DeliveryRepairRequested(
                UUID.randomUUID(),
                item,
                version,
                Instant.now(),
                Channel.WEBSITE,
                action,
                "operator",
                "后台已确认");
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
