package cn.college.disclosure.core.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Why an item is withdrawn; the reason travels to every channel and into the records. */
record RetractRequest(
        @NotBlank @PlainText(lineBreaks = true) @Size(max = 1000) @Nullable String reason) {}
