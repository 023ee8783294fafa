/**
 * Domain events delivered through the transactional outbox: at least once to each
 * {@link io.loyaltyhub.api.event.EventListener}, applied exactly once per listener.
 */
package io.loyaltyhub.api.event;
