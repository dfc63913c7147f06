package org.pobox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Role;
import org.pobox.auth.Viewer;
import org.pobox.node.EngineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every API bean shares: taking the request off the Camel message, the role checks (a refusal
 * is audited), JSON responses and errors, the security headers.
 */
abstract class ApiSupport {

    static final Logger LOG = LoggerFactory.getLogger(ApiSupport.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    final Gate gate;
    final AuditLog audit;

    ApiSupport(Gate gate, AuditLog audit) {
        this.gate = gate;
        this.audit = audit;
    }

    @FunctionalInterface
    interface Handler {
        void handle(WebRequest r) throws Exception;
    }

    void run(Exchange exchange, Handler h) {
        WebRequest r = WebRequest.take(exchange, gate.trustProxy());
        try {
            h.handle(r);
        } catch (WebException e) {
            error(exchange, e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error(exchange, WebException.badRequest("请求有误：" + e.getMessage()));
        } catch (EngineUnavailableException e) {
            LOG.warn("engine unavailable for {}: {}", r.path(), e.getMessage());
            error(exchange, new WebException(503, "检索服务暂不可用，请稍后再试"));
        } catch (Exception e) {
            LOG.error("request {} {} failed", r.method(), r.path(), e);
            error(exchange, new WebException(500, "服务器内部错误"));
        }
    }

    Viewer reader(WebRequest r, String action) {
        Viewer v = gate.require(r, false).viewer();
        if (!v.readsLetters()) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    Viewer changingReader(WebRequest r, String action) {
        Viewer v = gate.require(r, true).viewer();
        if (!v.readsLetters()) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    Viewer admin(WebRequest r, boolean changes, String action) {
        Viewer v = gate.require(r, changes).viewer();
        if (!v.has(Role.ADMIN)) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    Viewer mailroom(WebRequest r, boolean changes, String action) {
        Viewer v = gate.require(r, changes).viewer();
        if (!v.has(Role.MAILROOM) && !v.has(Role.ADMIN)) {
            audit.record(AuditEntry.of(v.name(), action, r.ip(), "denied"));
            throw WebException.forbidden();
        }
        return v;
    }

    static String pathPart(WebRequest r, String after) {
        String[] parts = r.path().split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(after)) {
                return java.net.URLDecoder.decode(parts[i + 1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw WebException.badRequest("路径有误");
    }

    static JsonNode jsonBody(WebRequest r) {
        try {
            return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw WebException.badRequest("请求内容不是有效的 JSON");
        }
    }

    static void json(Exchange ex, int status, Object body) {
        try {
            securityHeaders(ex);
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
            ex.getMessage().setHeader("Cache-Control", "no-store");
            ex.getMessage().setBody(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Exchange ex, WebException e) {
        json(ex, e.status, Map.of("error", e.getMessage(), "status", e.status));
    }

    static void securityHeaders(Exchange ex) {
        ex.getMessage().setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        ex.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        ex.getMessage().setHeader("Referrer-Policy", "no-referrer");
        ex.getMessage().setHeader("X-Frame-Options", "DENY");
    }
}
