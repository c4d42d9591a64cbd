package cn.gov.eqq.govinfo.platform.outbox;

import java.util.List;

/**
 * Collections with an {@code outbox} whose names change at run time (a service that rebuilds a collection under a
 * new name): a bean of this type is asked at every pass of the {@link OutboxRelay}, beside
 * {@code govinfo.outbox.collections}.
 */
@FunctionalInterface
public interface OutboxCollections {

    List<String> collections();
}
