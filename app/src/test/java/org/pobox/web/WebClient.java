package org.pobox.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A user's side of the API over real HTTP: keeps the session cookie and the CSRF token. */
final class WebClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    String cookie;
    String csrf;
    String bearer;
    String forwardedProto;
    String forwardedFor;
    /** Headers a browser (or an attacker's page) would add: Origin, Sec-Fetch-Site, ... */
    final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, byte[] body, HttpResponse<byte[]> raw) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }
    }

    Reply login(String name, String password) {
        Reply r = post("/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}", false);
        r.raw().headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        if (r.status() == 200) {
            csrf = r.json().path("csrf").asText();
        }
        return r;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String json, boolean withCsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    /** A POST of any body and content type (a form, text/plain, a large body). */
    Reply postRaw(String path, byte[] body, String contentType, boolean withCsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b);
    }

    private Reply send(HttpRequest.Builder b) {
        headers.forEach(b::header);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> resp = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(resp.statusCode(), resp.body(), resp);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
