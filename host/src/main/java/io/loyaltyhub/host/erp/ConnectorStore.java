package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connector tables in plain SQL: instances, their cursor and lease, runs and rejects. */
final class ConnectorStore {

    /** An instance as stored. */
    record Stored(long id, String name, String type, Map<String, String> settings, Mapping mapping, String state,
                  String cursor, String backfillCursor, LocalDate backfillFrom, String requested, Instant nextPollAt,
                  int consecutiveFailures, Instant newestBillAt, Instant createdAt) {
        boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** What one batch changed in a run. */
    record Counts(long rowsRead, long posted, long duplicates, long rejected, long reversals, long customers) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(rowsRead + o.rowsRead, posted + o.posted, duplicates + o.duplicates,
                    rejected + o.rejected, reversals + o.reversals, customers + o.customers);
        }
    }

    private final JsonCodec json;

    ConnectorStore(JsonCodec json) {
        this.json = json;
    }

    // ---- instances ------------------------------------------------------------------------------

    long create(SqlRunner sql, String name, String type, Map<String, String> settings, Mapping mapping, Instant now) {
        return sql.insert("INSERT INTO erp_connector (name, type, settings, mapping, state, next_poll_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, 'PAUSED', ?, ?, ?)", name, type, json.write(settings),
                json.write(mapping), now, now, now);
    }

    void update(SqlRunner sql, long id, String name, Map<String, String> settings, Mapping mapping, Instant now) {
        sql.update("UPDATE erp_connector SET name = ?, settings = ?, mapping = ?, updated_at = ? WHERE id = ?", name,
                json.write(settings), json.write(mapping), now, id);
    }

    boolean nameTaken(SqlRunner sql, String name, long exceptId) {
        return sql.one("SELECT id FROM erp_connector WHERE name = ? AND id <> ?", rs -> rs.getLong(1), name, exceptId)
                .isPresent();
    }

    Optional<Stored> find(SqlRunner sql, long id) {
        return sql.one("SELECT * FROM erp_connector WHERE id = ?", this::stored, id);
    }

    /** For update: the row stays locked until the transaction ends. */
    Optional<Stored> lock(SqlRunner sql, long id) {
        return sql.one("SELECT * FROM erp_connector WHERE id = ? FOR UPDATE", this::stored, id);
    }

    List<Stored> all(SqlRunner sql) {
        return sql.query("SELECT * FROM erp_connector ORDER BY name", this::stored);
    }

    void setState(SqlRunner sql, long id, String state, Instant now) {
        sql.update("UPDATE erp_connector SET state = ?, next_poll_at = ?, updated_at = ? WHERE id = ?", state, now, now,
                id);
    }

    void request(SqlRunner sql, long id, String what, Instant now) {
        sql.update("UPDATE erp_connector SET requested = ?, next_poll_at = LEAST(next_poll_at, ?), updated_at = ? "
                + "WHERE id = ?", what, now, now, id);
    }

    void startBackfill(SqlRunner sql, long id, String cursor, LocalDate from, Instant now) {
        sql.update("UPDATE erp_connector SET backfill_cursor = ?, backfill_from = ?, updated_at = ? WHERE id = ?",
                cursor, from, now, id);
    }

    /** Connectors with work now: polling is due, staff asked for a run, or a backfill is under way. Unleased only. */
    List<Long> due(SqlRunner sql, Instant now) {
        return sql.query("SELECT id FROM erp_connector WHERE ((state = 'RUNNING' AND next_poll_at <= ?) "
                + "OR requested = 'RUN' OR (backfill_cursor IS NOT NULL AND next_poll_at <= ? "
                + "AND (state = 'RUNNING' OR requested = 'BACKFILL'))) "
                + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_poll_at", rs -> rs.getLong(1), now, now, now);
    }

    /** Takes (or renews) the connector's lease; false if another instance of the server holds it. */
    boolean lease(SqlRunner sql, long id, String owner, Duration lease, Instant now) {
        return sql.update("UPDATE erp_connector SET lease_owner = ?, lease_until = ? WHERE id = ? "
                + "AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)", owner, now.plus(lease), id, now,
                owner) == 1;
    }

    void release(SqlRunner sql, long id, String owner) {
        sql.update("UPDATE erp_connector SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, owner);
    }

    /** After a batch is posted: where the next read starts (in the same transaction as the batch's rejects). */
    void advance(SqlRunner sql, long id, boolean backfill, String cursor, Instant newestBill, Instant now) {
        sql.update("UPDATE erp_connector SET " + (backfill ? "backfill_cursor" : "cursor_text") + " = ?, "
                        + "newest_bill_at = GREATEST(COALESCE(newest_bill_at, ?), COALESCE(?, newest_bill_at, ?)), "
                        + "updated_at = ? WHERE id = ?", cursor, newestBill, newestBill, newestBill, now, id);
    }

    /**
     * The backfill read to the end. A connector that never polled starts polling where the backfill ended rather
     * than reading everything again.
     */
    void backfillDone(SqlRunner sql, long id, Instant now) {
        sql.update("UPDATE erp_connector SET cursor_text = COALESCE(cursor_text, backfill_cursor), "
                + "backfill_cursor = NULL, backfill_from = NULL, requested = IF(requested = 'BACKFILL', NULL, requested), "
                + "updated_at = ? WHERE id = ?", now, id);
    }

    void afterRun(SqlRunner sql, long id, boolean ok, Instant nextPoll, Instant now) {
        sql.update("UPDATE erp_connector SET consecutive_failures = " + (ok ? "0" : "consecutive_failures + 1")
                + ", next_poll_at = ?, updated_at = ? WHERE id = ?", nextPoll, now, id);
    }

    void clearRequest(SqlRunner sql, long id) {
        sql.update("UPDATE erp_connector SET requested = NULL WHERE id = ?", id);
    }

    /** A run asked for is under way; a backfill's request stays until it is done, so a restart carries it on. */
    void takeRunRequest(SqlRunner sql, long id) {
        sql.update("UPDATE erp_connector SET requested = NULL WHERE id = ? AND requested = 'RUN'", id);
    }

    // ---- runs -------------------------------------------------------------------------------------

    long startRun(SqlRunner sql, long connectorId, String kind, long expected, Instant now) {
        return sql.insert("INSERT INTO erp_run (connector_id, kind, status, started_at, heartbeat_at, expected) "
                + "VALUES (?, ?, 'RUNNING', ?, ?, ?)", connectorId, kind, now, now, expected);
    }

    void count(SqlRunner sql, long runId, Counts c, Instant newestBill, Instant now) {
        sql.update("UPDATE erp_run SET rows_read = rows_read + ?, bills_posted = bills_posted + ?, "
                        + "duplicates = duplicates + ?, rejected = rejected + ?, reversals = reversals + ?, "
                        + "customers = customers + ?, newest_bill_at = GREATEST(COALESCE(newest_bill_at, ?), "
                        + "COALESCE(?, newest_bill_at, ?)), heartbeat_at = ? WHERE id = ?", c.rowsRead(), c.posted(),
                c.duplicates(), c.rejected(), c.reversals(), c.customers(), newestBill, newestBill, newestBill, now,
                runId);
    }

    void finishRun(SqlRunner sql, long runId, boolean ok, String error, Instant now) {
        sql.update("UPDATE erp_run SET status = ?, error = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
                ok ? "OK" : "FAILED", error == null ? null : cut(error, 2000), now, now, runId);
    }

    /** Runs whose server stopped in the middle (no heartbeat for a while) end as failed. */
    int failAbandoned(SqlRunner sql, Instant staleBefore, Instant now) {
        return sql.update("UPDATE erp_run SET status = 'FAILED', error = 'stopped: the server went down during the run; "
                + "the next run carries on where it left off', finished_at = ? WHERE status = 'RUNNING' "
                + "AND heartbeat_at < ?", now, staleBefore);
    }

    List<RunInfo> runs(SqlRunner sql, long connectorId, int limit, Instant now) {
        return sql.query("SELECT * FROM erp_run WHERE connector_id = ? ORDER BY id DESC LIMIT ?",
                rs -> run(rs, now), connectorId, limit);
    }

    Optional<RunInfo> run(SqlRunner sql, long runId, Instant now) {
        return sql.one("SELECT * FROM erp_run WHERE id = ?", rs -> run(rs, now), runId);
    }

    private RunInfo run(ResultSet rs, Instant now) throws SQLException {
        Instant started = SqlRunner.instant(rs, "started_at");
        Instant finished = SqlRunner.instant(rs, "finished_at");
        Instant newest = SqlRunner.instant(rs, "newest_bill_at");
        long read = rs.getLong("rows_read");
        long expected = rs.getLong("expected");
        Instant end = finished == null ? now : finished;
        double seconds = Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
        double rate = read / seconds;
        Long eta = finished == null && expected > 0 && rate > 0 ? (long) Math.ceil(Math.max(0, expected - read) / rate)
                : null;
        return new RunInfo(rs.getLong("id"), rs.getLong("connector_id"), rs.getString("kind"), rs.getString("status"),
                started, finished, read, rs.getLong("bills_posted"), rs.getLong("duplicates"), rs.getLong("rejected"),
                rs.getLong("reversals"), rs.getLong("customers"), expected, Math.round(rate * 10) / 10.0, eta,
                newest == null ? null : Math.max(0, Duration.between(newest, end).toSeconds()),
                rs.getString("error"));
    }

    // ---- rejects ----------------------------------------------------------------------------------

    /** @return true when the row is newly rejected (a re-read of a rejected row only refreshes the reason) */
    boolean reject(SqlRunner sql, long connectorId, long runId, String ref, String kind, String billNumber,
                   String reason, Map<String, Object> row, Instant now) {
        int changed = sql.update("INSERT INTO erp_reject (connector_id, run_id, row_ref, kind, bill_number, reason, "
                        + "row_json, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', 1, ?) "
                        + "ON DUPLICATE KEY UPDATE reason = VALUES(reason), run_id = VALUES(run_id), "
                        + "row_json = VALUES(row_json), status = 'OPEN', resolved_at = NULL",
                connectorId, runId, cut(ref, 300), kind, billNumber == null ? null : cut(billNumber, 100),
                cut(reason, 1000), json.write(row), now);
        return changed == 1; // MariaDB: 1 inserted, 2 updated, 0 unchanged
    }

    /** Rejects of bills now posted (the row was fixed in the ERP and read again) are resolved. */
    void resolveSettled(SqlRunner sql, long connectorId, List<String> billNumbers, Instant now) {
        if (billNumbers.isEmpty()) {
            return;
        }
        String marks = String.join(",", java.util.Collections.nCopies(billNumbers.size(), "?"));
        Object[] args = new Object[billNumbers.size() + 2];
        args[0] = now;
        args[1] = connectorId;
        for (int i = 0; i < billNumbers.size(); i++) {
            args[i + 2] = billNumbers.get(i);
        }
        sql.update("UPDATE erp_reject SET status = 'RESOLVED', resolved_at = ? WHERE connector_id = ? AND status = 'OPEN' "
                + "AND bill_number IN (" + marks + ")", args);
    }

    void retried(SqlRunner sql, long rejectId, String reasonOrNull, Instant now) {
        if (reasonOrNull == null) {
            sql.update("UPDATE erp_reject SET status = 'RESOLVED', resolved_at = ?, attempts = attempts + 1 "
                    + "WHERE id = ?", now, rejectId);
        } else {
            sql.update("UPDATE erp_reject SET reason = ?, attempts = attempts + 1 WHERE id = ?", cut(reasonOrNull, 1000),
                    rejectId);
        }
    }

    List<RejectInfo> rejects(SqlRunner sql, long connectorId, boolean openOnly, int limit) {
        return sql.query("SELECT * FROM erp_reject WHERE connector_id = ? " + (openOnly ? "AND status = 'OPEN' " : "")
                + "ORDER BY status = 'OPEN' DESC, id DESC LIMIT ?", this::reject, connectorId, limit);
    }

    /** A rejected row as it was read, to map and post again. */
    record StoredReject(long id, io.loyaltyhub.api.erp.SourceRow row) {
    }

    /** Open rejects of a connector ({@code ids} empty: all of them), oldest first. */
    @SuppressWarnings("unchecked")
    List<StoredReject> openRejects(SqlRunner sql, long connectorId, List<Long> ids) {
        String in = ids.isEmpty() ? "" : " AND id IN (" + String.join(",", ids.stream().map(String::valueOf).toList())
                + ")";
        return sql.query("SELECT id, row_ref, kind, row_json FROM erp_reject WHERE connector_id = ? AND status = 'OPEN'"
                        + in + " ORDER BY id LIMIT 10000",
                rs -> new StoredReject(rs.getLong("id"), ConnectorRun.restored(rs.getString("row_ref"),
                        rs.getString("kind"), json.read(rs.getString("row_json"), Map.class))), connectorId);
    }

    long openRejects(SqlRunner sql, long connectorId) {
        return sql.one("SELECT COUNT(*) FROM erp_reject WHERE connector_id = ? AND status = 'OPEN'",
                rs -> rs.getLong(1), connectorId).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private RejectInfo reject(ResultSet rs) throws SQLException {
        return new RejectInfo(rs.getLong("id"), rs.getLong("connector_id"), rs.getLong("run_id"),
                rs.getString("row_ref"), rs.getString("bill_number"), rs.getString("reason"),
                json.read(rs.getString("row_json"), Map.class), rs.getString("status"), rs.getInt("attempts"),
                SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "resolved_at"));
    }

    @SuppressWarnings("unchecked")
    private Stored stored(ResultSet rs) throws SQLException {
        java.sql.Date from = rs.getDate("backfill_from");
        return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                json.read(rs.getString("settings"), Map.class), json.read(rs.getString("mapping"), Mapping.class),
                rs.getString("state"), rs.getString("cursor_text"), rs.getString("backfill_cursor"),
                from == null ? null : from.toLocalDate(), rs.getString("requested"),
                SqlRunner.instant(rs, "next_poll_at"), rs.getInt("consecutive_failures"),
                SqlRunner.instant(rs, "newest_bill_at"), SqlRunner.instant(rs, "created_at"));
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
