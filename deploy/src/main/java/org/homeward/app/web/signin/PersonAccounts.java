package org.homeward.app.web.signin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.homeward.access.Ids;
import org.homeward.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people who sign in to the web app in local mode, kept by Homeward: a pseudonymous user id (the same code
 * the API's tokens carry), a role and an organisation, and an Argon2id hash of the password, never the password.
 */
@Component
public class PersonAccounts {

    public static final int SHORTEST_PASSWORD = 12;
    public static final int LONGEST_PASSWORD = 128;

    /**
     * Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): memory-hard, so guessing
     * passwords from a stolen table costs memory as well as time.
     */
    private static final Argon2PasswordEncoder PASSWORDS = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Checked against when no account has the name given, so that a wrong name takes as long as a wrong password. */
    private static final String NO_ONES_HASH = PASSWORDS.encode("no account has this password, it is only hashed");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecondFactor secondFactor;

    public PersonAccounts(JdbcTemplate jdbc, Clock clock, SecondFactor secondFactor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secondFactor = secondFactor;
    }

    /** An account as the admin page lists it; no hash. */
    public record Account(String userId, Role role, String organisationId, int failedSignIns, Instant lockedUntil,
                          Instant createdAt, String createdBy, Instant disabledAt, boolean secondFactor) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** Why a new account was refused, as a field and the reason; empty when it may be created. */
    public static Optional<String[]> problem(String userId, String organisationId, String password) {
        if (userId == null || !userId.matches(Ids.ID)) {
            return Optional.of(new String[] {"userId", Ids.ID_RULE});
        }
        if (organisationId == null || !organisationId.matches(Ids.ID)) {
            return Optional.of(new String[] {"organisationId", Ids.ID_RULE});
        }
        if (password == null || password.length() < SHORTEST_PASSWORD || password.length() > LONGEST_PASSWORD) {
            return Optional.of(new String[] {"password", "must be " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD
                                                         + " characters"});
        }
        return Optional.empty();
    }

    /**
     * Creates an account; false when one with this user id exists already (it is left as it is).
     *
     * @throws IllegalArgumentException when {@link #problem} finds one
     */
    public boolean create(String userId, Role role, String organisationId, String password, String createdBy) {
        problem(userId, organisationId, password).ifPresent(refused -> {
            throw new IllegalArgumentException(refused[0] + " " + refused[1]);
        });
        try {
            jdbc.update("insert into person_account (user_id, role, organisation_id, password_hash, created_at,"
                        + " created_by) values (?, ?, ?, ?, ?, ?)",
                        userId, role.name(), organisationId, PASSWORDS.encode(password),
                        Timestamp.from(clock.instant()), createdBy);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    public List<Account> all() {
        return jdbc.query("select * from person_account order by organisation_id, role, user_id",
                          PersonAccounts::account);
    }

    public Optional<Account> find(String userId) {
        return jdbc.query("select * from person_account where user_id = ?", PersonAccounts::account, userId)
                   .stream().findFirst();
    }

    /**
     * The account whose password (and one-time code, where the account has a second factor) this is, if it may
     * sign in now; counts a wrong password or code against the account
     * and locks it for {@code lockout} at the {@code attempts}-th in a row. A locked or disabled account is
     * refused even with the right password, and the answer never says which of these it was.
     */
    public Optional<Account> signIn(String userId, String password, String code, int attempts, Duration lockout) {
        record Stored(String hash, byte[] secondFactor, Long lastStep) {
        }
        Stored stored = userId == null || !userId.matches(Ids.ID) ? null
                : jdbc.query("select password_hash, totp_secret, totp_last_step from person_account where user_id = ?",
                             (row, n) -> new Stored(row.getString(1), row.getBytes(2),
                                                    row.getObject(3) == null ? null : row.getLong(3)), userId)
                      .stream().findFirst().orElse(null);
        boolean matches = PASSWORDS.matches(password == null ? "" : password,
                                            stored == null ? NO_ONES_HASH : stored.hash());
        if (stored == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (matches && stored.secondFactor() != null) {
            long step = SecondFactor.step(secondFactor.open(stored.secondFactor()), code, now);
            // a code already used does not open the account again: one seen over a shoulder is spent
            matches = step >= 0 && (stored.lastStep() == null || step > stored.lastStep())
                      && jdbc.update("update person_account set totp_last_step = ? where user_id = ?"
                                     + " and (totp_last_step is null or totp_last_step < ?)", step, userId, step) == 1;
        }
        if (!matches) {
            countFailure(userId, attempts, lockout);
            return Optional.empty();
        }
        Optional<Account> account = find(userId).filter(found -> found.disabledAt() == null && !found.locked(now));
        account.ifPresent(found -> jdbc.update("update person_account set failed_sign_ins = 0, locked_until = null"
                                               + " where user_id = ?", userId));
        return account;
    }

    /**
     * A person changes their own password, giving the current one: false when that is wrong (counted against the
     * account as a wrong sign-in is).
     *
     * @throws IllegalArgumentException when the new one is not 12 to 128 characters
     */
    public boolean changePassword(String userId, String current, String next, int attempts, Duration lockout) {
        if (next == null || next.length() < SHORTEST_PASSWORD || next.length() > LONGEST_PASSWORD) {
            throw new IllegalArgumentException("password must be " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD
                                               + " characters");
        }
        String hash = jdbc.query("select password_hash from person_account where user_id = ?",
                                 (row, n) -> row.getString(1), userId).stream().findFirst().orElse(null);
        if (hash == null || !PASSWORDS.matches(current == null ? "" : current, hash)) {
            countFailure(userId, attempts, lockout);
            return false;
        }
        return jdbc.update("update person_account set password_hash = ? where user_id = ?",
                           PASSWORDS.encode(next), userId) == 1;
    }

    /** One statement, so that concurrent wrong guesses each count; locks the account at the last allowed one. */
    private void countFailure(String userId, int attempts, Duration lockout) {
        jdbc.update("update person_account set failed_sign_ins = failed_sign_ins + 1,"
                    + " locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end"
                    + " where user_id = ?", attempts, Timestamp.from(clock.instant().plus(lockout)), userId);
    }

    /** Whether signing in to the account takes a one-time code besides the password. */
    public boolean hasSecondFactor(String userId) {
        return jdbc.queryForObject("select count(*) from person_account where user_id = ? and totp_secret is not null",
                                   Integer.class, userId) == 1;
    }

    /** Turns the second factor on with this secret (Base32), which the person's app has just shown a code of. */
    public void useSecondFactor(String userId, String secret) {
        jdbc.update("update person_account set totp_secret = ?, totp_last_step = null where user_id = ?",
                    secondFactor.seal(secret), userId);
    }

    /** An administrator turns a person's second factor off (a lost phone); the person sets up a new one. */
    public boolean resetSecondFactor(String userId) {
        return jdbc.update("update person_account set totp_secret = null, totp_last_step = null where user_id = ?",
                           userId) == 1;
    }

    /** An administrator ends an account's sign-ins; its sessions end at their next request. */
    public boolean disable(String userId) {
        return jdbc.update("update person_account set disabled_at = ? where user_id = ? and disabled_at is null",
                           Timestamp.from(clock.instant()), userId) == 1;
    }

    /** An administrator lifts a lockout before it ends. */
    public boolean unlock(String userId) {
        return jdbc.update("update person_account set failed_sign_ins = 0, locked_until = null where user_id = ?",
                           userId) == 1;
    }

    /** Whether the account may still be used: not disabled, not deleted. */
    public boolean active(String userId) {
        return find(userId).map(account -> account.disabledAt() == null).orElse(false);
    }

    private static Account account(ResultSet row, int n) throws SQLException {
        return new Account(row.getString("user_id"), Role.valueOf(row.getString("role")),
                           row.getString("organisation_id"), row.getInt("failed_sign_ins"),
                           instant(row.getTimestamp("locked_until")), instant(row.getTimestamp("created_at")),
                           row.getString("created_by"), instant(row.getTimestamp("disabled_at")),
                           row.getBytes("totp_secret") != null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
