/** Events the channels publish (records; the outbox keeps them as JSON). */
package io.loyaltyhub.api.chat.event;
