/** Events the affiliates plugin publishes. */
package io.loyaltyhub.api.affiliate.event;
