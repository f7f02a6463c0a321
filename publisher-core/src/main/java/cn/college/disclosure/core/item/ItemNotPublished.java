package cn.college.disclosure.core.item;

/** Only a live item can be retracted, and no version of this one was ever approved. */
public class ItemNotPublished extends IllegalStateException {

    public ItemNotPublished(ItemId id, ItemStatus current) {
        super("Item " + id + " is " + current + " and has no live version to retract");
    }
}
