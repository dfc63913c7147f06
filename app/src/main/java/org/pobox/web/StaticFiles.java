package org.pobox.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/** The page itself: plain HTML, CSS and JS from {@code web/} on the classpath. */
public final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");

    public void serve(Exchange exchange) {
        WebRequest r = WebRequest.take(exchange);
        String path = r.path().equals("/") || r.path().isEmpty() ? "/index.html" : r.path();
        if (path.startsWith("/static/")) {
            path = path.substring("/static".length());
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        if (path.contains("..") || !TYPES.containsKey(ext)) {
            ApiSupport.error(exchange, WebException.notFound());
            return;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web" + path)) {
            if (in == null) {
                ApiSupport.error(exchange, WebException.notFound());
                return;
            }
            ApiSupport.securityHeaders(exchange);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, TYPES.get(ext));
            exchange.getMessage().setHeader("Cache-Control", "no-cache");
            exchange.getMessage().setBody(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
