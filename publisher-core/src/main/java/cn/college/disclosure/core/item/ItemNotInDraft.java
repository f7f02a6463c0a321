package cn.college.disclosure.core.item;

/** Only a draft can be approved, and the item's latest version is not one. */
public class ItemNotInDraft extends IllegalStateException {

    public ItemNotInDraft(ItemId id, ItemStatus current, int version) {
        super(
                "Item "
                        + id
                        + " is "
                        + current
                        + " (version "
                        + version
                        + "); only a DRAFT can be approved");
    }
}
