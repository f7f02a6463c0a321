package cn.college.disclosure.core.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxRequestSize the largest request body read at all; larger requests get 413 before
 *     anything parses them
 */
@ConfigurationProperties("publisher.web")
record WebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {}
