package cn.college.disclosure.core.item;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no NUL or other control character (C0, DEL, C1), no lone surrogate (it
 * cannot be stored as UTF-8). PostgreSQL refuses NUL in text and would store a lone surrogate as
 * {@code ?}; a channel would pass both on to a screen or an article. Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Whether tab, line feed and carriage return are allowed (a body, not a title). */
    boolean lineBreaks() default false;

    String message() default "{cn.college.disclosure.core.item.PlainText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link PlainText}. */
    class Validator implements ConstraintValidator<PlainText, CharSequence> {

        private boolean lineBreaks;

        @Override
        public void initialize(PlainText constraint) {
            lineBreaks = constraint.lineBreaks();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || isPlain(text, lineBreaks);
        }

        /**
         * Whether the text has no control character (but the line breaks, if allowed) and no lone
         * surrogate.
         */
        public static boolean isPlain(CharSequence text, boolean lineBreaks) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (Character.isSurrogate(c)) {
                    return false;
                }
                if (Character.isISOControl(c)
                        && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
