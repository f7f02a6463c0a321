package cn.college.disclosure.core.console;

/**
 * A message shown once at the top of the next page, after a redirect.
 *
 * @param level {@code success} or {@code error}
 * @param code the message's key in the bundles
 * @param args the message's arguments
 */
record Notice(String level, String code, Object... args) {

    static final String ATTRIBUTE = "notice";

    static Notice success(String code, Object... args) {
        return new Notice("success", code, args);
    }

    static Notice error(String code, Object... args) {
        return new Notice("error", code, args);
    }
}
