package cn.college.disclosure.core.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which catalogue the office discloses against.
 *
 * @param location the versioned catalogue data file; a province's or a later notice's catalogue is
 *     a new file, not new code
 */
@ConfigurationProperties("publisher.catalogue")
record CatalogueProperties(
        @DefaultValue("classpath:catalogue/catalogue-2014-v1.json") Resource location) {}
