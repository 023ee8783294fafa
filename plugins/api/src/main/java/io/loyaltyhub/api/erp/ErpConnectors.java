package io.loyaltyhub.api.erp;

import io.loyaltyhub.api.platform.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * The connector instances, for the admin UI and {@code /api/v1/connectors}: the host implements it. Refusals are
 * {@link io.loyaltyhub.api.common.Rejected} (unknown id, invalid settings or mapping, a run already going).
 */
public interface ErpConnectors {

    /** The types the started plugins contribute. */
    List<ConnectorType> types();

    List<ConnectorInfo> list();

    ConnectorInfo get(long id);

    /** Creates an instance, paused until staff resume it (after a test and a preview). */
    ConnectorInfo create(Actor actor, ConnectorDraft draft);

    /** Changes settings and mapping; the cursor stays. */
    ConnectorInfo update(Actor actor, long id, ConnectorDraft draft);

    /** Connects with the stored settings and reads a row; writes nothing. */
    ConnectionCheck test(long id);

    /** Like {@link #test(long)} for settings not yet saved. */
    ConnectionCheck test(ConnectorDraft draft);

    /** The first rows after the cursor (at most 20), mapped, with what would be refused and why; writes nothing. */
    List<PreviewRow> preview(long id);

    /** Polls now, in the background (the run shows in {@link #runs}). */
    RunInfo runNow(Actor actor, long id);

    void pause(Actor actor, long id);

    void resume(Actor actor, long id);

    /** Reads again from {@code from} (store time zone of the mapping) in the background, with progress. */
    RunInfo backfill(Actor actor, long id, LocalDate from);

    /** Newest first. */
    List<RunInfo> runs(long id, int limit);

    /** Open rejects first, newest first. */
    List<RejectInfo> rejects(long id, boolean openOnly, int limit);

    /**
     * Maps and posts rejected rows again with the current mapping (after the mapping or the data was fixed).
     *
     * @param rejectIds empty: every open reject of the connector
     * @return the rejects now resolved
     */
    int retry(Actor actor, long id, List<Long> rejectIds);

    /** Connectors that need a person: failing runs in a row, or lag over the threshold. */
    List<ConnectorInfo> unhealthy();
}
