package org.pobox.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * How much of a request body the server reads, decided per route before the request reaches
 * pobox's code (and so before anyone is authenticated): {@link #MAX_BODY} for every route but the
 * mailroom's upload, which may carry a scan of up to {@link #MAX_UPLOAD} and is refused unread when
 * it carries no credentials at all. A Vert.x handler placed ahead of Camel's routes; the body it
 * reads is the one Camel's own body handler then finds already read.
 */
final class BodyLimits {

    /** JSON requests are small: a transcript of a long page is some kilobytes. */
    static final long MAX_BODY = 1024 * 1024;
    /** A scanned letter: a few hundred pages of PDF. */
    static final long MAX_UPLOAD = 64L * 1024 * 1024;
    static final String UPLOAD = "/api/upload";

    private BodyLimits() {
    }

    static void install(Router router) {
        BodyHandler small = BodyHandler.create(false).setBodyLimit(MAX_BODY);
        router.route().order(-1000).handler(ctx -> {
            if (UPLOAD.equals(ctx.normalizedPath())) {
                upload(ctx);
            } else {
                small.handle(ctx);
            }
        });
    }

    private static void upload(RoutingContext ctx) {
        var req = ctx.request();
        if (req.getHeader(HttpHeaders.AUTHORIZATION) == null && req.getHeader(HttpHeaders.COOKIE) == null) {
            refuse(ctx, 401, "{\"error\":\"请先登录\",\"status\":401}");
            return;
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            if (length != null && Long.parseLong(length.strip()) > MAX_UPLOAD) {
                refuse(ctx, 413, "{\"error\":\"文件过大\",\"status\":413}");
                return;
            }
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "{\"error\":\"Content-Length 有误\",\"status\":400}");
            return;
        }
        ctx.next(); // Camel's body handler reads it, up to MAX_UPLOAD (the server's limit)
    }

    private static void refuse(RoutingContext ctx, int status, String json) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.CONNECTION, "close").end(json);
    }
}
