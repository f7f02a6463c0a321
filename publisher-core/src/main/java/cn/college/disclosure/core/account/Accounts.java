package cn.college.disclosure.core.account;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds users. Passwords are stored as BCrypt hashes only. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final SessionRegistry sessions;

    Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, SessionRegistry sessions) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
    }

    /**
     * Creates the user unless one with the name exists; an existing user is left as it is.
     *
     * @param department required for a liaison, ignored for the other roles
     * @return whether the user was created
     */
    @Transactional
    public boolean createIfAbsent(
            String username, String password, Role role, @Nullable String department) {
        if (role == Role.LIAISON && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("A liaison needs a department: " + username);
        }
        return jdbc.sql(
                                """
                                insert into account (username, password_hash, role, department, enabled)
                                values (:username, :hash, :role, :department, true)
                                on conflict (username) do nothing
                                """)
                        .param("username", username)
                        .param("hash", passwordEncoder.encode(password))
                        .param("role", role.name())
                        .param("department", role == Role.LIAISON ? department : null)
                        .update()
                > 0;
    }

    /** The enabled user with the name, if any. */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return jdbc.sql(
                        "select username, role, department from account where username = ? and enabled")
                .param(username)
                .query(
                        (rs, row) ->
                                new Account(
                                        rs.getString("username"),
                                        Role.valueOf(rs.getString("role")),
                                        rs.getString("department")))
                .optional();
    }

    /**
     * A user as an administrator sees it.
     *
     * @param department the liaison's department; null for the other roles
     */
    public record Listed(
            String username, Role role, @Nullable String department, boolean enabled) {}

    /** Every user, enabled or not, by name. */
    @Transactional(readOnly = true)
    public List<Listed> all() {
        return jdbc.sql("select username, role, department, enabled from account order by username")
                .query(
                        (rs, row) ->
                                new Listed(
                                        rs.getString("username"),
                                        Role.valueOf(rs.getString("role")),
                                        rs.getString("department"),
                                        rs.getBoolean("enabled")))
                .list();
    }

    /** The departments that have a liaison, by name. */
    @Transactional(readOnly = true)
    public List<String> departments() {
        return jdbc.sql(
                        "select distinct department from account where department is not null order by department")
                .query(String.class)
                .list();
    }

    /**
     * Creates a user.
     *
     * @throws UsernameTaken if a user with the name exists, enabled or not
     */
    @Transactional
    public void create(String username, String password, Role role, @Nullable String department) {
        if (!createIfAbsent(username, password, role, department)) {
            throw new UsernameTaken(username);
        }
    }

    /**
     * Enables or disables a user. A disabled user can no longer sign in, and the console sessions
     * they have open end; what they did stays attributed to them.
     *
     * @return whether the user exists
     */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        boolean exists =
                jdbc.sql("update account set enabled = ? where username = ?")
                                .params(enabled, username)
                                .update()
                        > 0;
        if (exists && !enabled) {
            endSessionsOf(username);
        }
        return exists;
    }

    /** Ends the console sessions a user has open: their next request goes to the login form. */
    private void endSessionsOf(String username) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    /**
     * Replaces a user's password (stored as a BCrypt hash) and ends the console sessions opened
     * with the old one.
     *
     * @return whether the user exists
     */
    @Transactional
    public boolean resetPassword(String username, String password) {
        boolean exists =
                jdbc.sql("update account set password_hash = ? where username = ?")
                                .params(passwordEncoder.encode(password), username)
                                .update()
                        > 0;
        if (exists) {
            endSessionsOf(username);
        }
        return exists;
    }

    /** The signed-in user; the authentication already proved it exists. */
    public Account require(String username) {
        return find(username)
                .orElseThrow(() -> new IllegalStateException("No enabled account " + username));
    }
}
