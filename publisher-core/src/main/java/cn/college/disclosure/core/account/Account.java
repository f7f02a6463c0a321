package cn.college.disclosure.core.account;

import org.jspecify.annotations.Nullable;

/**
 * A user as the rest of the service sees it.
 *
 * @param department the department a liaison acts for, e.g. 教务处; other roles have none
 */
public record Account(String username, Role role, @Nullable String department) {

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }
}
