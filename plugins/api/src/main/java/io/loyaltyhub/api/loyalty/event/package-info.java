/** Events the loyalty plugin publishes (records; the outbox keeps them as JSON). */
package io.loyaltyhub.api.loyalty.event;
