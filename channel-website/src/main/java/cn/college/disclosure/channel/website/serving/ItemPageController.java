package cn.college.disclosure.channel.website.serving;

import cn.college.disclosure.channel.website.WebsiteProperties;
import cn.college.disclosure.channel.website.site.RetractedPages;
import cn.college.disclosure.contract.WebsitePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An item's page: the file while it is live, 410 Gone once it was retracted (so that search engines
 * drop it), 404 if the website never had it.
 */
@RestController
class ItemPageController {

    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final String GONE =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>信息已撤回</title>"
                    + "</head><body><h1>该信息已撤回</h1><p><a href=\"../index.html\">返回信息公开首页</a></p>"
                    + "</body></html>";

    private static final String NOT_FOUND =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>页面不存在</title>"
                    + "</head><body><h1>页面不存在</h1><p>该信息不存在或尚未发布。</p>"
                    + "<p><a href=\"../index.html\">返回信息公开首页</a></p></body></html>";

    private final Path webRoot;
    private final RetractedPages retracted;

    ItemPageController(WebsiteProperties properties, RetractedPages retracted) {
        this.webRoot = properties.webRoot();
        this.retracted = retracted;
    }

    @GetMapping("/items/{itemId}.html")
    ResponseEntity<?> page(@PathVariable UUID itemId) {
        Path file = webRoot.resolve(WebsitePaths.itemPage(itemId));
        if (Files.isRegularFile(file)) {
            Resource page = new FileSystemResource(file);
            return ResponseEntity.ok().contentType(HTML_UTF8).body(page);
        }
        if (retracted.wasRetracted(itemId)) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(HTML_UTF8).body(GONE);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML_UTF8).body(NOT_FOUND);
    }
}
