package cn.college.disclosure.channel.website.site;

import java.util.Locale;

/**
 * How an attachment is described beside its link: the kind of document in the words readers know
 * (PDF, Word, Excel, PowerPoint, OFD, 图片) and the size in binary units (1.2 MB).
 */
final class FileLabels {

    /** The kind of file, from its detected type (and the name for OFD, which has several). */
    static String kind(String contentType, String fileName) {
        String type = contentType.toLowerCase(Locale.ROOT);
        String name = fileName.toLowerCase(Locale.ROOT);
        if (type.equals("application/pdf")) {
            return "PDF";
        }
        if (type.equals("application/msword") || type.contains("wordprocessingml")) {
            return "Word";
        }
        if (type.equals("application/vnd.ms-excel") || type.contains("spreadsheetml")) {
            return "Excel";
        }
        if (type.equals("application/vnd.ms-powerpoint") || type.contains("presentationml")) {
            return "PowerPoint";
        }
        if (type.contains("ofd") || name.endsWith(".ofd")) {
            return "OFD";
        }
        if (type.startsWith("image/")) {
            return "图片";
        }
        return "文件";
    }

    /** The size as people read it: 512 B, 12.3 KB, 1.2 MB, 1.0 GB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.96 KB would read 1024.0 KB
        if (String.format(Locale.ROOT, "%.1f", value).equals("1024.0") && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private FileLabels() {}
}
