package cn.college.disclosure.channel.website.site;

import java.util.Optional;

/**
 * The files the website serves: those a live page lists. A copy left on disk by a page that is
 * gone, or a name guessed beside a real one, is not among them.
 */
public interface PublishedFiles {

    /** The file at {@code files/<sha256>/<fileName>}, if a live page lists it. */
    Optional<PublishedFile> find(String sha256, String fileName);
}
