package cn.college.disclosure.channel.website.site;

import cn.college.disclosure.contract.MediaReference;

/**
 * One file a page lists, as the site state records it: the copy at {@code
 * files/<sha256>/<fileName>}.
 */
record PageFile(String sha256, String fileName, String contentType, long size) {

    static PageFile of(MediaReference file) {
        return new PageFile(file.sha256(), file.fileName(), file.contentType(), file.size());
    }
}
