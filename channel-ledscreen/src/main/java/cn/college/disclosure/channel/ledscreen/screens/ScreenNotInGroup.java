package cn.college.disclosure.channel.ledscreen.screens;

/** An authenticated screen acknowledged the feed of a group it does not belong to. */
class ScreenNotInGroup extends RuntimeException {

    ScreenNotInGroup(String screenId, String group, String own) {
        super("屏幕“%s”属于屏幕组“%s”，不属于“%s”".formatted(screenId, own, group));
    }
}
