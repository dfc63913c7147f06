package org.pobox.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What pobox reads from one HTTP request, taken off the Camel message before the response is
 * built: platform-http would otherwise echo request headers (cookies, tokens) back as response
 * headers.
 */
record WebRequest(String method, String path, Map<String, List<String>> query, Map<String, String> cookies,
                  String authorization, String csrfHeader, String forwardedProto, String ip, byte[] body,
                  Map<String, Object> pathParams, String contentType) {

    static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    static WebRequest take(Exchange exchange, String... pathParamNames) {
        return take(exchange, false, pathParamNames);
    }

    /**
     * @param trustProxy take the client's address from {@code X-Forwarded-For} (only behind a proxy
     *                   that sets it; otherwise anyone could write any address into the audit)
     */
    static WebRequest take(Exchange exchange, boolean trustProxy, String... pathParamNames) {
        Message m = exchange.getMessage();
        String uri = m.getHeader(Exchange.HTTP_URI, "", String.class);
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Map<String, Object> params = new LinkedHashMap<>();
        for (String p : pathParamNames) {
            params.put(p, m.getHeader(p, String.class));
        }
        byte[] body = m.getBody(byte[].class);
        WebRequest r = new WebRequest(m.getHeader(Exchange.HTTP_METHOD, "GET", String.class), path,
                parseQuery(m.getHeader(Exchange.HTTP_RAW_QUERY, String.class)),
                parseCookies(m.getHeader("Cookie", String.class)), m.getHeader("Authorization", String.class),
                m.getHeader("X-CSRF-Token", String.class), m.getHeader("X-Forwarded-Proto", String.class),
                clientAddress(m.getHeader(REMOTE_ADDRESS), trustProxy ? m.getHeader("X-Forwarded-For", String.class) : null),
                body == null ? new byte[0] : body, params, m.getHeader(Exchange.CONTENT_TYPE, String.class));
        m.removeHeaders("*");
        m.setBody(null);
        return r;
    }

    String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    String pathParam(String name) {
        Object v = pathParams.get(name);
        return v == null ? null : String.valueOf(v);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean overTls() {
        return "https".equalsIgnoreCase(forwardedProto);
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    static Map<String, String> parseCookies(String header) {
        Map<String, String> c = new LinkedHashMap<>();
        if (header == null) {
            return c;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                c.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return c;
    }

    static String clientAddress(Object remote, String forwardedFor) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            return forwardedFor.split(",")[0].strip();
        }
        return host(remote);
    }

    /** "127.0.0.1:53422" or a SocketAddress → "127.0.0.1". */
    static String host(Object address) {
        if (address == null) {
            return "unknown";
        }
        if (address instanceof io.vertx.core.net.SocketAddress sa) {
            return sa.hostAddress() != null ? sa.hostAddress() : sa.host();
        }
        String s = String.valueOf(address);
        int colon = s.lastIndexOf(':');
        return colon > 0 && s.indexOf(':') == colon ? s.substring(0, colon) : s;
    }
}
