package org.pobox.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One plain HTTP GET, for the few calls pobox makes outside the engine client (is the node up,
 * which engine answers, the API for {@code pobox show}).
 *
 * <p>Why not {@code java.net.http.HttpClient}: on Java 17 it cannot be closed, and its selector
 * thread, waiting in native code, makes every pobox command wait 0.3 s at exit (HotSpot waits for
 * threads in native code before it exits). This opens no thread at all.
 */
public final class HttpGet {

    /** Status code and body of an answer. */
    public record Answer(int status, String body) {
    }

    private HttpGet() {
    }

    public static Answer get(String url, Map<String, String> headers, Duration connectTimeout, Duration timeout)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            headers.forEach(c::setRequestProperty);
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            c.disconnect();
        }
    }
}
