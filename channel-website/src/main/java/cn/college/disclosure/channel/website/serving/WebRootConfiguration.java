package cn.college.disclosure.channel.website.serving;

import cn.college.disclosure.channel.website.WebsiteProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the generated site from {@code file:<web-root>/}. */
@Configuration(proxyBeanMethods = false)
class WebRootConfiguration implements WebMvcConfigurer {

    private final Path webRoot;

    WebRootConfiguration(WebsiteProperties properties) {
        this.webRoot = properties.webRoot().toAbsolutePath().normalize();
        try {
            Files.createDirectories(webRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the web root " + webRoot, e);
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**").addResourceLocations(webRoot.toUri().toString());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }
}
