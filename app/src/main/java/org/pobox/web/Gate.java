package org.pobox.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pobox.auth.Accounts;
import org.pobox.auth.Sessions;
import org.pobox.auth.Viewer;

/**
 * Who is asking: a browser session (cookie, plus the session's CSRF token on every change) or an
 * API token ({@code Authorization: Bearer pbx_...}, used by the CLI; not sent by browsers on their
 * own, so it needs no CSRF token).
 */
final class Gate {

    static final String COOKIE = "pobox_session";

    private final Accounts accounts;
    private final Sessions sessions;
    private final boolean alwaysSecure;
    private final boolean trustProxy;

    Gate(Accounts accounts, Sessions sessions, boolean alwaysSecure, boolean trustProxy) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.alwaysSecure = alwaysSecure;
        this.trustProxy = trustProxy;
    }

    /** Whether the client's address comes from the proxy's X-Forwarded-For. */
    boolean trustProxy() {
        return trustProxy;
    }

    record Caller(Viewer viewer, Sessions.Session session) {
    }

    Optional<Caller> identify(WebRequest r) {
        String auth = r.authorization();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.byToken(auth.substring(7).trim()).map(v -> new Caller(v, null));
        }
        return sessions.find(r.cookies().get(COOKIE))
                .flatMap(s -> accounts.viewer(s.user()).map(v -> new Caller(v, s)));
    }

    /**
     * The caller, or 401. A change ({@code changes}) through a session also needs its CSRF token
     * (and came from the page's own origin: {@link HttpEdge} refuses other sites' posts).
     */
    Caller require(WebRequest r, boolean changes) {
        Caller c = identify(r).orElseThrow(WebException::unauthenticated);
        if (changes && c.session() != null && !sameToken(c.session().csrf(), r.csrfHeader())) {
            throw new WebException(403, "请求缺少有效的 CSRF 令牌");
        }
        return c;
    }

    /** A JSON body, or 415: a cross-site form can post text/plain without asking, never JSON. */
    static void requireJson(WebRequest r) {
        String type = r.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json")) {
            throw new WebException(415, "请求内容须为 JSON（application/json）");
        }
    }

    String sessionCookie(String sessionId, WebRequest r) {
        return COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure(r) ? "; Secure" : "");
    }

    String clearedCookie(WebRequest r) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(r) ? "; Secure" : "");
    }

    private boolean secure(WebRequest r) {
        return alwaysSecure || r.overTls();
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
