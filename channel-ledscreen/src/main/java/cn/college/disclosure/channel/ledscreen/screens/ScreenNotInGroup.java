package cn.college.disclosure.channel.ledscreen.screens;

/** An authenticated screen acknowledged the feed of a group it does not belong to. */
class ScreenNotInGroup extends RuntimeException {

    ScreenNotInGroup(String screenId, String group, String own) {
        super("screen '%s' belongs to group '%s', not '%s'".formatted(screenId, own, group));
    }
}
