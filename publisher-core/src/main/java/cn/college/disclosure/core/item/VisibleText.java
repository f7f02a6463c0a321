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
 * Text with at least one character a reader sees: not only white space, zero-width characters
 * (format characters such as U+200B and U+FEFF) or controls. Null is valid (use {@code NotNull}).
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

    String message() default "{cn.college.disclosure.core.item.VisibleText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link VisibleText}. */
    class Validator implements ConstraintValidator<VisibleText, CharSequence> {

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || text.isEmpty() || hasVisible(text);
        }

        private static boolean hasVisible(CharSequence text) {
            return text.codePoints()
                    .anyMatch(
                            c -> {
                                int type = Character.getType(c);
                                return !Character.isWhitespace(c)
                                        && !Character.isSpaceChar(c)
                                        && type != Character.FORMAT
                                        && type != Character.CONTROL
                                        && type != Character.SURROGATE
                                        && type != Character.UNASSIGNED
                                        && c != 0x115F
                                        && c != 0x1160
                                        && c != 0x3164
                                        && c != 0xFFA0;
                            });
        }
    }
}
