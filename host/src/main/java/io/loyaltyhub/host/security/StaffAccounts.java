package io.loyaltyhub.host.security;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.LoginResult;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.api.platform.StaffUser;
import io.loyaltyhub.host.db.HostTx;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.SqlErrors;
import io.loyaltyhub.host.db.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Staff accounts: Argon2id hashes, lockout per account (5 failures, then doubling waits up to
 * 15 minutes) and per client address, and an audit entry for every change.
 */
public final class StaffAccounts implements StaffService {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAccounts.class);
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final TransactionRunner tx;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String dummyHash;
    /** Each Argon2 check takes 19 MiB: bound how many run at once so a login flood cannot exhaust memory. */
    private final Semaphore hashing = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    /** Failures for usernames that do not exist, locked on the same schedule so lockout reveals nothing. */
    private final Map<String, Failures> unknownUsers = new ConcurrentHashMap<>();

    private record Failures(int count, Instant lockedUntil) {
    }

    public StaffAccounts(TransactionRunner tx, PasswordHasher hasher, LoginThrottle throttle, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        // Checked when the username does not exist, so both cases take the same time.
        this.dummyHash = hasher.hash(Tokens.random(16));
    }

    private record Account(StaffUser user, String hash, int failedLogins, Instant lockedUntil) {
    }

    @Override
    public LoginResult login(String username, String password, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        Optional<Instant> blocked = throttle.blockedUntil(address);
        if (blocked.isPresent()) {
            return new LoginResult.Throttled(blocked.get());
        }
        String name = username == null ? "" : username.trim();
        Optional<Account> account = tx.inHostTransaction(t -> findAccount(t, name));
        Instant now = clock.instant();
        Instant lockedUntil = account.map(Account::lockedUntil)
                .orElseGet(() -> Optional.ofNullable(unknownUsers.get(name)).map(Failures::lockedUntil).orElse(null));
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new LoginResult.Throttled(lockedUntil);
        }
        boolean ok;
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                return new LoginResult.Throttled(now.plusSeconds(5)); // overloaded: ask to retry shortly
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoginResult.Throttled(now.plusSeconds(5));
        }
        try {
            ok = hasher.matches(password == null ? "" : password, account.map(Account::hash).orElse(dummyHash));
        } finally {
            hashing.release();
        }
        if (!ok || account.isEmpty() || !account.get().user().enabled()) {
            throttle.failed(address);
            if (account.isPresent()) {
                recordFailure(account.get().user().id(), name, address);
            } else {
                recordUnknownFailure(name, now);
                tx.inHostTransaction(t -> {
                    t.audit(Actor.SYSTEM, "staff.login-failed", "staff-user", null, null,
                            Map.of("username", cut(name), "from", address, "reason", "unknown user"));
                    return null;
                });
            }
            LOG.info("Failed staff login for '{}' from {}", name, address);
            return new LoginResult.BadCredentials();
        }
        throttle.succeeded(address);
        StaffUser user = account.get().user();
        tx.inHostTransaction(t -> {
            Sql.update(t.connection(), "UPDATE staff_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? "
                    + "WHERE id = ?", t.now(), user.id());
            t.audit(Actor.staff(user.id(), user.username(), user.role()), "staff.login", "staff-user",
                    String.valueOf(user.id()), null, Map.of("from", address));
            return null;
        });
        return new LoginResult.Success(byId(user.id()));
    }

    /** After {@link #FREE_FAILURES} failures: 30 s, doubling with each further failure, at most 15 min. */
    static Instant lockedUntil(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
        return now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
    }

    private void recordFailure(long id, String name, String address) {
        tx.inHostTransaction(t -> {
            int failed = Sql.one(t.connection(), "SELECT failed_logins FROM staff_user WHERE id = ? FOR UPDATE",
                    rs -> rs.getInt(1), id).orElse(0) + 1;
            t.audit(Actor.SYSTEM, "staff.login-failed", "staff-user", String.valueOf(id), null,
                    Map.of("username", cut(name), "from", address, "failures", failed));
            return Sql.update(t.connection(), "UPDATE staff_user SET failed_logins = ?, locked_until = ? WHERE id = ?",
                    failed, lockedUntil(failed, t.now()), id);
        });
    }

    @Override
    public void loggedOut(Actor actor, String how) {
        if (actor == null || actor.kind() != Actor.Kind.STAFF) {
            return;
        }
        tx.inHostTransaction(t -> {
            t.audit(actor, "staff.logout", "staff-user", String.valueOf(actor.id()), null, Map.of("how", how));
            return null;
        });
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private void recordUnknownFailure(String name, Instant now) {
        if (unknownUsers.size() > 100_000) {
            unknownUsers.clear(); // bounded memory; the per-address throttle still applies
        }
        unknownUsers.compute(name, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, lockedUntil(count, now));
        });
    }

    @Override
    public List<StaffUser> list() {
        return tx.inHostTransaction(t -> Sql.query(t.connection(), "SELECT * FROM staff_user ORDER BY username",
                StaffAccounts::user));
    }

    public StaffUser byId(long id) {
        return tx.inHostTransaction(t -> Sql.one(t.connection(), "SELECT * FROM staff_user WHERE id = ?",
                StaffAccounts::user, id)).orElseThrow(() -> new IllegalArgumentException("No staff user " + id));
    }

    @Override
    public StaffUser create(Actor actor, String username, String displayName, Role role, String password) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new IllegalArgumentException("Username must be 3-64 letters, digits or . _ @ -.");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.trim();
        if (display.length() > 200) {
            throw new IllegalArgumentException("Display name must have at most 200 characters.");
        }
        if (role == null) {
            throw new IllegalArgumentException("Choose a role.");
        }
        if (role == Role.ADMIN && !actor.mayGrant("*")) {
            throw new IllegalArgumentException("Only an admin can create admins.");
        }
        PasswordHasher.weakness(password).ifPresent(w -> {
            throw new IllegalArgumentException(w);
        });
        String hash = hasher.hash(password);
        try {
            long id = tx.inHostTransaction(t -> {
                long newId = Sql.insert(t.connection(), "INSERT INTO staff_user (username, display_name, role, "
                        + "password_hash, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, ?)", name, display, role, hash, t.now());
                t.audit(actor, "staff.create", "staff-user", String.valueOf(newId), null,
                        Map.of("username", name, "displayName", display, "role", role, "enabled", true));
                return newId;
            });
            return byId(id);
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new IllegalArgumentException("Username '" + name + "' is taken.");
            }
            throw e;
        }
    }

    @Override
    public StaffUser update(Actor actor, long id, String displayName, Role role, boolean enabled) {
        if (role == null) {
            throw new IllegalArgumentException("Choose a role.");
        }
        if (role == Role.ADMIN && !actor.mayGrant("*")) {
            throw new IllegalArgumentException("Only an admin can make someone an admin.");
        }
        if (displayName != null && displayName.trim().length() > 200) {
            throw new IllegalArgumentException("Display name must have at most 200 characters.");
        }
        tx.inHostTransaction(t -> {
            StaffUser before = Sql.one(t.connection(), "SELECT * FROM staff_user WHERE id = ? FOR UPDATE",
                    StaffAccounts::user, id).orElseThrow(() -> new IllegalArgumentException("No staff user " + id));
            boolean losesAdmin = before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled);
            if (losesAdmin && enabledAdmins(t) <= 1) {
                throw new IllegalArgumentException("At least one enabled admin must remain.");
            }
            if (actor.kind() == Actor.Kind.STAFF && actor.id() == id && !enabled) {
                throw new IllegalArgumentException("You cannot disable your own account.");
            }
            String display = displayName == null || displayName.isBlank() ? before.displayName() : displayName.trim();
            Sql.update(t.connection(), "UPDATE staff_user SET display_name = ?, role = ?, enabled = ? WHERE id = ?",
                    display, role, enabled, id);
            if (!enabled) {
                Sql.update(t.connection(), "DELETE FROM staff_token WHERE staff_id = ?", id);
            }
            t.audit(actor, "staff.update", "staff-user", String.valueOf(id),
                    Map.of("displayName", before.displayName(), "role", before.role(), "enabled", before.enabled()),
                    Map.of("displayName", display, "role", role, "enabled", enabled));
            return null;
        });
        return byId(id);
    }

    private static long enabledAdmins(HostTx t) throws SQLException {
        return Sql.one(t.connection(), "SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE "
                + "FOR UPDATE", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public void resetPassword(Actor actor, long id, String newPassword) {
        PasswordHasher.weakness(newPassword).ifPresent(w -> {
            throw new IllegalArgumentException(w);
        });
        String hash = hasher.hash(newPassword);
        tx.inHostTransaction(t -> {
            int n = Sql.update(t.connection(), "UPDATE staff_user SET password_hash = ?, failed_logins = 0, "
                    + "locked_until = NULL WHERE id = ?", hash, id);
            if (n == 0) {
                throw new IllegalArgumentException("No staff user " + id);
            }
            Sql.update(t.connection(), "DELETE FROM staff_token WHERE staff_id = ?", id);
            t.audit(actor, "staff.reset-password", "staff-user", String.valueOf(id), null, Map.of("password", "changed"));
            return null;
        });
    }

    /**
     * On the very first start (no staff user at all) creates the admin. Returns the generated
     * password when none was configured, so it can be shown once.
     */
    public Optional<String> ensureBootstrapAdmin(String username, Optional<String> configuredPassword) {
        long count = tx.inHostTransaction(t -> Sql.one(t.connection(), "SELECT COUNT(*) FROM staff_user",
                rs -> rs.getLong(1)).orElse(0L));
        if (count > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.orElseGet(() -> Tokens.random(15));
        try {
            create(Actor.SYSTEM, username, "Administrator", Role.ADMIN, password);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("taken")) {
                return Optional.empty(); // another instance created it at the same moment
            }
            throw e;
        }
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }

    private Optional<Account> findAccount(HostTx t, String username) throws SQLException {
        return Sql.one(t.connection(), "SELECT * FROM staff_user WHERE username = ?",
                rs -> new Account(user(rs), rs.getString("password_hash"), rs.getInt("failed_logins"),
                        Sql.instant(rs, "locked_until")), username);
    }

    static StaffUser user(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_login_at"));
    }
}
