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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * A date or instant within the years 1970 to 9999 (UTC): what the database, the channels and a
 * person can use. Java parses years up to ±999,999,999; PostgreSQL's timestamps end in 294276, and
 * a disclosure produced before 1970 or shown after 9999 is a typing error. Null is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    String message() default "{cn.college.disclosure.core.item.PlausibleDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The first year accepted. */
    int FIRST_YEAR = 1970;

    /** The last year accepted. */
    int LAST_YEAR = 9999;

    /** Checks {@link PlausibleDate}. */
    class Validator implements ConstraintValidator<PlausibleDate, Temporal> {

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year;
            if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof LocalDateTime time) {
                year = time.getYear();
            } else if (value instanceof Instant instant) {
                year = yearOf(instant);
            } else {
                throw new IllegalArgumentException("No year in " + value.getClass().getName());
            }
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }

        private static int yearOf(Instant instant) {
            // LocalDateTime covers ±999,999,999 years, an Instant a little more
            if (instant.isBefore(Instant.parse("1970-01-01T00:00:00Z"))) {
                return FIRST_YEAR - 1;
            }
            if (!instant.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
                return LAST_YEAR + 1;
            }
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        }
    }
}
