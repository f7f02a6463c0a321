package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.core.item.ItemRequest;
import cn.college.disclosure.core.item.ItemView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The item editor's fields, as the form posts them (a bean, so that a rejected form is shown again
 * with what was typed). The limits are the API's ({@code ItemRequest}); the body is sanitised by
 * the items module when it is stored.
 */
class ItemForm {

    private @Nullable String title;
    private @Nullable String summary;
    private @Nullable String body;
    private @Nullable Integer catalogueItem;
    private Set<Channel> channels = EnumSet.allOf(Channel.class);
    private @Nullable String ledText;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate producedOn;

    static ItemForm of(ItemView item) {
        ItemForm form = new ItemForm();
        form.title = item.title();
        form.summary = item.summary();
        form.body = item.body();
        form.catalogueItem = item.catalogueItem();
        form.channels = new LinkedHashSet<>(item.channels());
        form.ledText = item.ledText();
        form.producedOn = item.producedOn();
        return form;
    }

    ItemRequest request() {
        return new ItemRequest(
                title,
                summary,
                body,
                catalogueItem,
                channels.isEmpty() ? null : EnumSet.copyOf(channels),
                ledText,
                producedOn);
    }

    @NotBlank
    @Size(max = 120)
    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    @Size(max = 300)
    public @Nullable String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    @NotBlank
    public @Nullable String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body;
    }

    @Min(1)
    @Max(50)
    public @Nullable Integer getCatalogueItem() {
        return catalogueItem;
    }

    public void setCatalogueItem(@Nullable Integer catalogueItem) {
        this.catalogueItem = catalogueItem;
    }

    @NotEmpty
    public Set<Channel> getChannels() {
        return channels;
    }

    public void setChannels(@Nullable Set<Channel> channels) {
        this.channels = channels == null ? EnumSet.noneOf(Channel.class) : channels;
    }

    @Size(max = 200)
    public @Nullable String getLedText() {
        return ledText;
    }

    public void setLedText(@Nullable String ledText) {
        this.ledText = ledText;
    }

    public @Nullable LocalDate getProducedOn() {
        return producedOn;
    }

    public void setProducedOn(@Nullable LocalDate producedOn) {
        this.producedOn = producedOn;
    }
}
