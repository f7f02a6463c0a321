package cn.college.disclosure.core.item;

import cn.college.disclosure.contract.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields a liaison sends to create or edit an item. The department is never among them: it is
 * the liaison's own. The body's size (at most 200 KB) is checked by the service, which answers 413.
 *
 * @param channels the channels to publish to; all of them when absent
 */
public record ItemRequest(
        @NotBlank @Size(max = 120) @Nullable String title,
        @Size(max = 300) @Nullable String summary,
        @NotNull @Nullable String body,
        @Min(1) @Max(50) @Nullable Integer catalogueItem,
        @Size(min = 1, message = "must name at least one channel when present")
                @Nullable Set<@NotNull Channel> channels,
        @Size(max = 200) @Nullable String ledText,
        @Nullable LocalDate producedOn) {}
