package cn.college.disclosure.core.item;

/** A liaison acted on an item that belongs to another department. */
public class ItemOfOtherDepartment extends RuntimeException {

    public ItemOfOtherDepartment(ItemId id, String username) {
        super("Item " + id + " belongs to another department than " + username + "'s");
    }
}
