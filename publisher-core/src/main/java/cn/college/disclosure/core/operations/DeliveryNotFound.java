package cn.college.disclosure.core.operations;

import cn.college.disclosure.contract.Channel;
import java.util.UUID;

/** Neither the ledger nor the dead-letter topic knows the delivery a repair names. */
public class DeliveryNotFound extends RuntimeException {

    public DeliveryNotFound(UUID itemId, int version, Channel channel) {
        super("No delivery of item %s version %d on %s".formatted(itemId, version, channel));
    }
}
