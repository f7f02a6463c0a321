package cn.college.disclosure.channel.website.site;

import java.util.UUID;

/** Whether an item's page was taken down, so that its URL answers 410 Gone rather than 404. */
public interface RetractedPages {

    boolean wasRetracted(UUID itemId);
}
