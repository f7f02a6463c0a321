package cn.college.disclosure.core.account;

/** A new user was given a name another user already has. */
public class UsernameTaken extends RuntimeException {

    public UsernameTaken(String username) {
        super("A user named " + username + " exists");
    }
}
