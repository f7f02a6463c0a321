package cn.college.disclosure.core.console;

import cn.college.disclosure.core.item.ImageFromOtherOrigin;
import cn.college.disclosure.core.item.ItemRequest;
import cn.college.disclosure.core.item.ItemService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The API's validation applied to the item editor: the form is checked by the constraints of the
 * {@link ItemRequest} it would send (one set of rules, so the console never stores what the API
 * refuses), and its body's images by the items' origin rule. Each violation is reported on the form
 * field of the same name with Spring's message codes ({@code Size.form.title}, {@code PlainText}),
 * so the console's own texts are used; a field the form's own checks or the binding already
 * rejected is not reported twice.
 */
@Component
class ItemFormRules implements Validator {

    private final jakarta.validation.Validator validator;
    private final ItemService items;
    private final Arguments arguments;

    ItemFormRules(jakarta.validation.Validator validator, ItemService items) {
        this.validator = validator;
        this.items = items;
        this.arguments = new Arguments(validator);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ItemForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ItemForm form = (ItemForm) target;
        for (ConstraintViolation<ItemRequest> violation : validator.validate(form.request())) {
            String field = field(violation.getPropertyPath());
            if (field == null || errors.hasFieldErrors(field)) {
                continue;
            }
            ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
            errors.rejectValue(
                    field,
                    descriptor.getAnnotation().annotationType().getSimpleName(),
                    arguments.of(errors.getObjectName(), field, descriptor),
                    violation.getMessage());
        }
        if (form.getBody() != null && !errors.hasFieldErrors("body")) {
            try {
                items.checkImages(form.getBody());
            } catch (ImageFromOtherOrigin e) {
                errors.rejectValue(
                        "body", "ImageFromOtherOrigin", new Object[] {e.source()}, e.getMessage());
            }
        }
    }

    /** The request's property, which is the form field of the same name. */
    private static String field(Path path) {
        for (Path.Node node : path) {
            return node.getName();
        }
        return null;
    }

    /** Spring's arguments of a constraint's message ({@code {1}} is {@code max} of Size, ...). */
    private static final class Arguments extends SpringValidatorAdapter {

        Arguments(jakarta.validation.Validator validator) {
            super(validator);
        }

        Object[] of(String objectName, String field, ConstraintDescriptor<?> descriptor) {
            return getArgumentsForConstraint(objectName, field, descriptor);
        }
    }
}
