package org.pobox.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * What the HTTP server decides before a request reaches pobox's routes, so before anyone is
 * authenticated: a Vert.x handler placed ahead of Camel's.
 * <ul>
 *   <li>how much body is read: the server reads at most {@link #MAX_BODY} of any body (Camel's
 *       body handler, {@code camel.server.maxBodySize}); the mailroom's upload route streams its
 *       body instead ({@code useStreaming}), so it is checked here: it must say its length, at
 *       most {@link #MAX_UPLOAD}, and carry credentials, or it is refused unread;</li>
 *   <li>a change (POST) a browser sends from another site is refused: {@code Sec-Fetch-Site} other
 *       than same-origin, or an {@code Origin} that is not the host the request went to. Clients
 *       that send neither (the CLI, scripts) carry no one's cookie and pass;</li>
 *   <li>no API answer is kept in a cache: Camel drops a {@code Cache-Control} header set on the
 *       message, so it is set here on the response itself.</li>
 * </ul>
 */
final class HttpEdge {

    /** JSON requests are small: a transcript of a long page is some kilobytes. */
    static final long MAX_BODY = 1024 * 1024;
    /** A scanned letter: a few hundred pages of PDF. */
    static final long MAX_UPLOAD = 64L * 1024 * 1024;
    static final String UPLOAD = "/api/upload";

    private HttpEdge() {
    }

    static void install(Router router) {
        router.route().order(-1000).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/api/")) {
                ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
            }
            if (ctx.request().method() == HttpMethod.POST && !sameOrigin(ctx.request())) {
                refuse(ctx, 403, "请求来自其他网站，已拒绝");
                return;
            }
            if (UPLOAD.equals(path)) {
                upload(ctx);
            } else {
                ctx.next();
            }
        });
    }

    static boolean sameOrigin(HttpServerRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = req.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origin.isBlank()) {
            return true;
        }
        // the host the request was sent to: Host in HTTP/1.1, :authority in HTTP/2
        HostAndPort to = req.authority();
        try {
            URI from = URI.create(origin.strip());
            if (to == null || from.getHost() == null) {
                return false;
            }
            int fromPort = from.getPort() != -1 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            int toPort = to.port() != -1 ? to.port() : req.isSSL() ? 443 : 80;
            return from.getHost().equalsIgnoreCase(to.host()) && fromPort == toPort;
        } catch (IllegalArgumentException e) {
            return false; // "null" or garbage: not this page
        }
    }

    private static void upload(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (req.getHeader(HttpHeaders.AUTHORIZATION) == null && req.getHeader(HttpHeaders.COOKIE) == null) {
            refuse(ctx, 401, "请先登录");
            return;
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // a streamed body of unknown length would be spooled whole before anyone looks at it
            refuse(ctx, 411, "上传须注明文件大小（Content-Length）");
            return;
        }
        try {
            if (Long.parseLong(length.strip()) > MAX_UPLOAD) {
                refuse(ctx, 413, "文件过大");
                return;
            }
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "Content-Length 有误");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(ApiSupport.JSON.createObjectNode().put("error", message).put("status", status).toString());
    }
}
