package cn.college.disclosure.core.console;

import cn.college.disclosure.core.item.ImageFromOtherOrigin;
import cn.college.disclosure.core.item.ItemRequest;
import cn.college.disclosure.core.item.ItemService;
import cn.college.disclosure.core.media.MediaFile;
import cn.college.disclosure.core.media.MediaLibrary;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
 * rejected is not reported twice. The items' rules that need the time or the media store (a
 * schedule in the past, a file that is not there, a cover that is not an image) are checked here
 * too, so that the editor marks the field ({@code publishAt}, {@code attachments[0].mediaId})
 * before the items refuse the request.
 */
@Component
class ItemFormRules implements Validator {

    private final jakarta.validation.Validator validator;
    private final ItemService items;
    private final Arguments arguments;
    private final ObjectProvider<MediaLibrary> media;
    private final Clock clock;

    ItemFormRules(
            jakarta.validation.Validator validator,
            ItemService items,
            ObjectProvider<MediaLibrary> media,
            Clock clock) {
        this.validator = validator;
        this.items = items;
        this.arguments = new Arguments(validator);
        this.media = media;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ItemForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ItemForm form = (ItemForm) target;
        ItemRequest request = form.request();
        for (ConstraintViolation<ItemRequest> violation : validator.validate(request)) {
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
        schedule(request, errors);
        files(request, errors);
    }

    /** 定时发布 in the future, 定时下线 after it (and in the future). */
    private void schedule(ItemRequest request, Errors errors) {
        Instant now = clock.instant();
        Instant publishAt = request.publishAt();
        if (publishAt != null && !errors.hasFieldErrors("publishAt") && !publishAt.isAfter(now)) {
            errors.rejectValue("publishAt", "PublishAtInPast");
        }
        Instant withdrawAt = request.withdrawAt();
        if (withdrawAt != null && !errors.hasFieldErrors("withdrawAt")) {
            if (publishAt != null && !withdrawAt.isAfter(publishAt)) {
                errors.rejectValue("withdrawAt", "WithdrawAtNotAfterPublishAt");
            } else if (!withdrawAt.isAfter(now)) {
                errors.rejectValue("withdrawAt", "WithdrawAtInPast");
            }
        }
    }

    /** The attachments and the cover are files of the media store; the cover an image. */
    private void files(ItemRequest request, Errors errors) {
        MediaLibrary library = media.getIfAvailable();
        if (library == null) {
            return;
        }
        List<ItemRequest.AttachmentRequest> attachments =
                request.attachments() == null ? List.of() : request.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            String field = "attachments[" + i + "].mediaId";
            UUID id = attachments.get(i).mediaId();
            if (id != null && !errors.hasFieldErrors(field) && library.find(id).isEmpty()) {
                errors.rejectValue(field, "UnknownMedia");
            }
        }
        UUID cover = request.coverImage();
        if (cover != null && !errors.hasFieldErrors("coverImage")) {
            Optional<MediaFile> file = library.find(cover);
            if (file.isEmpty()) {
                errors.rejectValue("coverImage", "UnknownMedia");
            } else if (!file.get().isImage()) {
                errors.rejectValue("coverImage", "CoverNotAnImage");
            }
        }
    }

    /**
     * The request's property path as the form's field: {@code title}, {@code
     * attachments[0].mediaId}; the list itself for a constraint on its element ({@code
     * attachments[0]}).
     */
    static @Nullable String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? null : field.toString();
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
