package cn.college.disclosure.core.item;

/** No item has the id. */
public class ItemNotFound extends RuntimeException {

    public ItemNotFound(ItemId id) {
        super("No item " + id);
    }
}
