package cn.college.disclosure.core.statistics;

/**
 * A manual count was refused: not a whole number from 0 to {@link ManualCountRules#MAX}, a key that
 * is no manual channel, a year outside those kept. {@link #field()} names the offending field
 * ({@code counts.<key>} or {@code year}); {@link #code()} and {@link #arguments()} are the message
 * bundle's text of it, so that the API and the console say the same thing in the reader's language.
 */
public class ManualCountRejected extends RuntimeException {

    private final String field;
    private final String code;
    private final Object[] arguments;

    ManualCountRejected(String field, String code, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    /** The message bundle's code of the text, e.g. {@code manualCount.invalid}. */
    public String code() {
        return code;
    }

    /** The text's arguments, all strings. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
