package cn.college.disclosure.core.item;

/** The item was retracted, which is final: it can no longer be edited, approved or retracted. */
public class ItemAlreadyRetracted extends IllegalStateException {

    public ItemAlreadyRetracted(ItemId id) {
        super("Item " + id + " is RETRACTED; a retracted item cannot change any more");
    }
}
