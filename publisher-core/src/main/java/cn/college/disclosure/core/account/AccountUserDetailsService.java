package cn.college.disclosure.core.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Reads users from the {@code account} table for HTTP Basic. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql(
                        "select username, password_hash, role, enabled from account where username = ?")
                .param(username)
                .query(
                        (rs, row) ->
                                User.withUsername(rs.getString("username"))
                                        .password(rs.getString("password_hash"))
                                        .roles(rs.getString("role"))
                                        .disabled(!rs.getBoolean("enabled"))
                                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
