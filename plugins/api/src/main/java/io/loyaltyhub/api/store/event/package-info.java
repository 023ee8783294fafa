/** Events the stores plugin publishes. */
package io.loyaltyhub.api.store.event;
