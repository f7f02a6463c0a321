package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.channel.wechat.api.WeChatApiClient.PublishStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WeChat's {@code PUBLISHJOBFINISH} event, read from the XML it pushes (WxJava has no model for
 * it): {@code <xml><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id/><publish_status/>
 * <article_id/><article_detail><item><article_url/></item></article_detail></PublishEventInfo></xml>}.
 * DTDs and external entities are refused.
 */
record PublishJobFinished(PublishStatus status) {

    /** The event, or empty if the XML is another event or message. */
    static Optional<PublishJobFinished> parse(String xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            document =
                    factory.newDocumentBuilder()
                            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a WeChat event: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"PUBLISHJOBFINISH".equals(text(root, "Event"))) {
            return Optional.empty();
        }
        NodeList infos = root.getElementsByTagName("PublishEventInfo");
        if (infos.getLength() == 0) {
            throw new IllegalArgumentException("PUBLISHJOBFINISH without PublishEventInfo");
        }
        Element info = (Element) infos.item(0);
        String publishId = text(info, "publish_id");
        String status = text(info, "publish_status");
        if (publishId == null || status == null) {
            throw new IllegalArgumentException(
                    "PublishEventInfo without publish_id or publish_status");
        }
        return Optional.of(
                new PublishJobFinished(
                        new PublishStatus(
                                publishId,
                                Integer.parseInt(status),
                                text(info, "article_id"),
                                text(info, "article_url"))));
    }

    private static @Nullable String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return null;
        }
        String value = nodes.item(0).getTextContent();
        return value == null || value.isBlank() ? null : value.trim();
    }
}
