package cn.college.disclosure.core.console;

import cn.college.disclosure.contract.CatalogueEntry;
import cn.college.disclosure.contract.Channel;
import cn.college.disclosure.contract.DeliveryStatus;
import cn.college.disclosure.contract.LedPriority;
import cn.college.disclosure.core.account.Account;
import cn.college.disclosure.core.account.Role;
import cn.college.disclosure.core.catalogue.Catalogue;
import cn.college.disclosure.core.catalogue.UnknownCatalogueItem;
import cn.college.disclosure.core.item.AttachmentRepeated;
import cn.college.disclosure.core.item.BodyTooLarge;
import cn.college.disclosure.core.item.ChannelLimitExceeded;
import cn.college.disclosure.core.item.ItemAlreadyRetracted;
import cn.college.disclosure.core.item.ItemId;
import cn.college.disclosure.core.item.ItemNotInDraft;
import cn.college.disclosure.core.item.ItemNotPublished;
import cn.college.disclosure.core.item.ItemOfOtherDepartment;
import cn.college.disclosure.core.item.ItemService;
import cn.college.disclosure.core.item.ItemStatus;
import cn.college.disclosure.core.item.ItemView;
import cn.college.disclosure.core.item.LedExpiryNotAfterStart;
import cn.college.disclosure.core.item.MediaNotAnImage;
import cn.college.disclosure.core.item.MediaOfOtherDepartment;
import cn.college.disclosure.core.item.PublishAtNotInFuture;
import cn.college.disclosure.core.item.UnknownMedia;
import cn.college.disclosure.core.item.WithdrawAtTooEarly;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The liaisons' pages: their department's items, the editor with its live channel checks and
 * preview, approval behind a confirmation, the delivery status as it comes in, retraction and
 * revision. An admin sees every department's items and may retract; a liaison never sees another
 * department's item.
 */
@Controller
@RequestMapping("/console/items")
class ItemPagesController {

    private final ItemService items;
    private final Catalogue catalogue;
    private final ChannelChecks checks;
    private final ConsoleUsers users;
    private final ConsoleProperties properties;
    private final Clock clock;

    ItemPagesController(
            ItemService items,
            Catalogue catalogue,
            ChannelChecks checks,
            ConsoleUsers users,
            ConsoleProperties properties,
            Clock clock) {
        this.items = items;
        this.catalogue = catalogue;
        this.checks = checks;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** A row of the list: the item and its channel status strip. */
    record Row(ItemView item, StatusStrip strip) {}

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable DeliveryStatus deliveryStatus,
            @RequestParam(defaultValue = "0") int page,
            Principal principal,
            Model model) {
        Account me = users.of(principal);
        String department = me.role() == Role.LIAISON ? me.department() : null;
        ItemView.Page found =
                items.list(
                        department,
                        status,
                        channel,
                        deliveryStatus,
                        Math.max(0, page),
                        properties.pageSize());
        model.addAttribute(
                "rows",
                found.content().stream().map(item -> new Row(item, StatusStrip.of(item))).toList());
        model.addAttribute("page", found);
        model.addAttribute(
                "pages", Math.max(1, (found.totalElements() + found.size() - 1) / found.size()));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("deliveryStatus", deliveryStatus);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("deliveryStatuses", DeliveryStatus.values());
        model.addAttribute("catalogue", catalogueNames());
        return "console/items/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, new ItemForm(), null);
    }

    @PostMapping
    String created(
            @Valid @ModelAttribute("form") ItemForm form,
            BindingResult result,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form, null);
        }
        try {
            ItemView item = items.create(form.request(), users.of(principal));
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("notice.created"));
            return "redirect:/console/items/" + item.id();
        } catch (BodyTooLarge e) {
            result.rejectValue("body", "BodyTooLarge", new Object[] {e.limitBytes()}, null);
        } catch (UnknownCatalogueItem e) {
            result.rejectValue("catalogueItem", "UnknownCatalogueItem");
        } catch (LedExpiryNotAfterStart e) {
            result.rejectValue("ledExpireAt", "LedExpiryNotAfterStart");
        } catch (RuntimeException e) {
            if (!onField(e, result)) {
                throw e;
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Principal principal, Model model) {
        ItemView item = visible(id, principal);
        model.addAttribute("item", item);
        model.addAttribute("strip", StatusStrip.of(item));
        model.addAttribute(
                "catalogueEntry",
                item.catalogueItem() == null
                        ? null
                        : catalogue.entry(item.catalogueItem()).orElse(null));
        model.addAttribute("pollSeconds", properties.deliveryPollInterval().toSeconds());
        model.addAttribute("mayChange", mayChange(item, users.of(principal)));
        return "console/items/detail";
    }

    /** The delivery status, asked for every few seconds while a delivery is under way. */
    @GetMapping("/{id}/deliveries")
    String deliveries(@PathVariable UUID id, Principal principal, Model model) {
        ItemView item = visible(id, principal);
        model.addAttribute("item", item);
        model.addAttribute("strip", StatusStrip.of(item));
        model.addAttribute("pollSeconds", properties.deliveryPollInterval().toSeconds());
        return "console/items/fragments :: deliveries";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Principal principal, Model model) {
        ItemView item = own(id, principal);
        return form(model, ItemForm.of(item, clock.instant()), item);
    }

    @PostMapping("/{id}")
    String edited(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ItemForm form,
            BindingResult result,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        ItemView item = own(id, principal);
        if (result.hasErrors()) {
            return form(model, form, item);
        }
        try {
            ItemView revised = items.revise(new ItemId(id), form.request(), users.of(principal));
            redirect.addFlashAttribute(
                    Notice.ATTRIBUTE,
                    revised.version() > item.version()
                            ? Notice.success("notice.revised", revised.version())
                            : Notice.success("notice.saved"));
            return "redirect:/console/items/" + id;
        } catch (BodyTooLarge e) {
            result.rejectValue("body", "BodyTooLarge", new Object[] {e.limitBytes()}, null);
        } catch (UnknownCatalogueItem e) {
            result.rejectValue("catalogueItem", "UnknownCatalogueItem");
        } catch (LedExpiryNotAfterStart e) {
            result.rejectValue("ledExpireAt", "LedExpiryNotAfterStart");
        } catch (ItemAlreadyRetracted e) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("notice.alreadyRetracted"));
            return "redirect:/console/items/" + id;
        } catch (RuntimeException e) {
            if (!onField(e, result)) {
                throw e;
            }
        }
        return form(model, form, item);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
        try {
            ItemView approved = items.approve(new ItemId(id), users.of(principal));
            redirect.addFlashAttribute(
                    Notice.ATTRIBUTE, Notice.success("notice.approved", approved.version()));
        } catch (ChannelLimitExceeded e) {
            redirect.addFlashAttribute(
                    Notice.ATTRIBUTE,
                    Notice.error(
                            "notice.limitExceeded",
                            e.limit().channel().name(),
                            e.limit().field(),
                            e.limit().maxCharacters()));
        } catch (ItemNotInDraft | ItemAlreadyRetracted e) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("notice.notDraft"));
        }
        return "redirect:/console/items/" + id;
    }

    @PostMapping("/{id}/retract")
    String retract(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 1000) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("notice.reasonRequired"));
            return "redirect:/console/items/" + id;
        }
        try {
            items.retract(new ItemId(id), reason.strip(), users.of(principal));
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.success("notice.retracted"));
        } catch (ItemAlreadyRetracted | ItemNotPublished e) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.error("notice.notPublished"));
        }
        return "redirect:/console/items/" + id;
    }

    /** The editor's live checks, for htmx: per channel its limits and the LED pages. */
    @PostMapping("/checks")
    String checks(@ModelAttribute("form") ItemForm form, Model model) {
        model.addAttribute("checks", checks.check(form));
        model.addAttribute("led", properties.ledPreview());
        return "console/items/fragments :: checks";
    }

    /** The website page as it will look: the body after the same sanitising as on save. */
    @PostMapping("/preview")
    String preview(@ModelAttribute("form") ItemForm form, Model model) {
        model.addAttribute("title", form.getTitle());
        model.addAttribute("summary", form.getSummary());
        model.addAttribute(
                "bodyHtml", form.getBody() == null ? "" : items.sanitized(form.getBody()));
        model.addAttribute(
                "catalogueEntry",
                form.getCatalogueItem() == null
                        ? null
                        : catalogue.entry(form.getCatalogueItem()).orElse(null));
        model.addAttribute("producedOn", form.getProducedOn());
        return "console/items/fragments :: preview";
    }

    /**
     * The WeChat article as it will look: the title and digest WeChat uses (marked which), the
     * cover in WeChat's 2.35:1 crop, the author and the body after the same sanitising as on save,
     * with the attachments as the list of links the channel adds.
     */
    @PostMapping("/wechat-preview")
    String wechatPreview(@ModelAttribute("form") ItemForm form, Model model) {
        wechat(model, form);
        return "console/items/fragments :: wechat";
    }

    private void wechat(Model model, ItemForm form) {
        model.addAttribute("wechatTitle", form.wechatTitleUsed());
        model.addAttribute("wechatTitleOwn", form.ownWechatTitle());
        model.addAttribute("wechatDigest", form.wechatDigestUsed());
        model.addAttribute("wechatDigestOwn", form.ownWechatDigest());
        model.addAttribute("wechatAuthor", form.getWechatAuthor());
        model.addAttribute("wechatCover", form.getCoverImage());
        model.addAttribute(
                "wechatBody", form.getBody() == null ? "" : items.sanitized(form.getBody()));
        model.addAttribute(
                "wechatAttachments",
                form.getAttachments().stream().filter(row -> row.getMediaId() != null).toList());
    }

    private String form(Model model, ItemForm form, @Nullable ItemView item) {
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("categories", categories());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("ledPriorities", LedPriority.values());
        model.addAttribute("checks", checks.check(form));
        model.addAttribute("led", properties.ledPreview());
        wechat(model, form);
        return "console/items/form";
    }

    /**
     * The items' refusal of a file or a schedule, shown on the field it names ({@code
     * attachments[0].mediaId}, {@code coverImage}, {@code publishAt}) with the console's text; the
     * form checks most of them first ({@link ItemFormRules}), these are what changed in between.
     *
     * @return whether the exception was one of them
     */
    private static boolean onField(RuntimeException e, BindingResult result) {
        String field;
        String code;
        if (e instanceof UnknownMedia refused) {
            field = refused.field();
            code = "UnknownMedia";
        } else if (e instanceof MediaNotAnImage refused) {
            field = refused.field();
            code = "CoverNotAnImage";
        } else if (e instanceof MediaOfOtherDepartment refused) {
            field = refused.field();
            code = "MediaOfOtherDepartment";
        } else if (e instanceof AttachmentRepeated refused) {
            field = refused.field();
            code = "AttachmentRepeated";
        } else if (e instanceof PublishAtNotInFuture refused) {
            field = refused.field();
            code = "PublishAtInPast";
        } else if (e instanceof WithdrawAtTooEarly refused) {
            field = refused.field();
            code = "WithdrawAtNotAfterPublishAt";
        } else {
            return false;
        }
        if (!result.hasFieldErrors(field)) {
            result.rejectValue(field, code);
        }
        return true;
    }

    /** The catalogue's 50 items grouped by category, for the picker. */
    private Map<String, List<CatalogueEntry>> categories() {
        Map<String, List<CatalogueEntry>> byCategory = new LinkedHashMap<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            byCategory
                    .computeIfAbsent(
                            entry.categoryNumber() + ". " + entry.categoryName(),
                            k -> new java.util.ArrayList<>())
                    .add(entry);
        }
        return byCategory;
    }

    private Map<Integer, String> catalogueNames() {
        Map<Integer, String> names = new LinkedHashMap<>();
        catalogue.entries().forEach(entry -> names.put(entry.number(), entry.name()));
        return names;
    }

    /** The item, if the user may see it: a liaison only their department's. */
    private ItemView visible(UUID id, Principal principal) {
        ItemView item = items.get(new ItemId(id));
        Account me = users.of(principal);
        if (me.role() == Role.LIAISON && !item.department().equals(me.department())) {
            throw new ItemOfOtherDepartment(new ItemId(id), me.username());
        }
        return item;
    }

    /** The item, if the user may edit it: a liaison of its department. */
    private ItemView own(UUID id, Principal principal) {
        ItemView item = visible(id, principal);
        Account me = users.of(principal);
        if (!item.department().equals(me.department())) {
            throw new ItemOfOtherDepartment(new ItemId(id), me.username());
        }
        return item;
    }

    private static boolean mayChange(ItemView item, Account me) {
        return me.role() == Role.LIAISON && item.department().equals(me.department());
    }
}
