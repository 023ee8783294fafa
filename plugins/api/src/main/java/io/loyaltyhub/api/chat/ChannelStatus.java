package io.loyaltyhub.api.chat;

import java.time.Instant;

/**
 * How a channel is doing, for the admin UI.
 *
 * @param configured   whether it has what it needs to run (e.g. an access token)
 * @param detail       why it is off, or the number it sends from
 * @param lastInbound  when the last verified webhook or update arrived; null if never
 * @param queued       outbound messages waiting to be sent
 * @param failed24h    outbound messages that failed in the last 24 hours
 * @param lastError    the last send error (code and title), or null
 */
public record ChannelStatus(String channel, boolean configured, String detail, Instant lastInbound, long queued,
                            long sent24h, long failed24h, String lastError) {
}
