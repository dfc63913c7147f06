package org.pobox.node;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.pobox.config.HttpGet;
import org.pobox.keys.Keys;
import org.pobox.letter.Json;

/**
 * The connection to the search engine: one low-level {@link RestClient} (handed to
 * camel-elasticsearch) and the typed {@link ElasticsearchClient} on top of it, with the
 * {@link Keys} that protect what pobox keeps there (the engine is storage pobox does not trust:
 * identity goes in sealed, users and audit signed). To a loopback address, which is the embedded
 * node, every request carries the node's token; it never leaves the host.
 */
public final class EngineClient implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final boolean openSearch;
    private final Keys keys;
    private final RestClient rest;
    private final ElasticsearchClient client;

    private final Map<String, String> headers;

    private EngineClient(String url, String username, String password, Map<String, String> headers, boolean openSearch,
                         Keys keys) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.headers = headers;
        this.openSearch = openSearch;
        this.keys = keys;
        this.rest = restClient(url, username, password, headers, openSearch);
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER)));
    }

    /**
     * Connects to {@code url}. The engine is asked what it is first, so the OpenSearch fixes are
     * applied only to OpenSearch.
     *
     * @throws EngineUnavailableException when nothing answers at the URL
     */
    public static EngineClient connect(String url, String username, String password, Keys keys) {
        return connect(url, username, password, null, keys);
    }

    /**
     * As {@link #connect(String, String, String, Keys)}, authenticated with an Elasticsearch API key
     * ({@code pobox.es.apiKey}, the Base64 {@code encoded} value the engine returned) when one is set:
     * production gives pobox a key with only the privileges it needs.
     */
    public static EngineClient connect(String url, String username, String password, String apiKey, Keys keys) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(nodeHeaders(url, keys));
        if (apiKey != null && !apiKey.isBlank()) {
            headers.put("Authorization", "ApiKey " + apiKey.strip());
        }
        boolean openSearch = isOpenSearch(url, username, password, headers);
        return new EngineClient(url, username, password, Map.copyOf(headers), openSearch, keys);
    }

    private static RestClient restClient(String url, String username, String password, Map<String, String> headers,
                                         boolean openSearch) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(url));
        builder.setDefaultHeaders(headers.entrySet().stream()
                .map(h -> new org.apache.http.message.BasicHeader(h.getKey(), h.getValue()))
                .toArray(org.apache.http.Header[]::new));
        builder.setHttpClientConfigCallback(http -> {
            if (username != null && !username.isBlank()) {
                BasicCredentialsProvider creds = new BasicCredentialsProvider();
                creds.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
                http.setDefaultCredentialsProvider(creds);
            }
            return openSearch ? OpenSearchCompat.apply(http) : http;
        });
        return builder.build();
    }

    /**
     * A second low-level client to the same engine for whoever closes it when done: the
     * camel-elasticsearch component closes the client it was given when Camel stops.
     */
    public RestClient newRestClient() {
        return restClient(url, username, password, headers, openSearch);
    }

    /**
     * The node token header for a loopback URL (the embedded node, or a tunnel to one); nothing for
     * any other host, so the token is never sent off the machine.
     */
    public static Map<String, String> nodeHeaders(String url, Keys keys) {
        String host = HttpHost.create(url).getHostName();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        return loopback && keys != null ? Map.of(Keys.NODE_TOKEN_HEADER, keys.nodeToken()) : Map.of();
    }

    static boolean isOpenSearch(String url, String username, String password, Map<String, String> sent) {
        try {
            Map<String, String> headers = new java.util.HashMap<>(sent);
            if (username != null && !username.isBlank()) {
                String token = Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
                headers.put("Authorization", "Basic " + token);
            }
            HttpGet.Answer resp = HttpGet.get(url.endsWith("/") ? url : url + "/", headers, Duration.ofSeconds(5),
                    Duration.ofSeconds(10));
            if (resp.status() >= 400) {
                throw new EngineUnavailableException("search engine at " + url + " answered HTTP " + resp.status());
            }
            JsonNode info = new ObjectMapper().readTree(resp.body());
            return "opensearch".equals(info.path("version").path("distribution").asText());
        } catch (IOException e) {
            throw new EngineUnavailableException("search engine at " + url + " is unreachable: " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    public boolean isOpenSearch() {
        return openSearch;
    }

    /** The keys of what pobox keeps in this engine. */
    public Keys keys() {
        return keys;
    }

    public RestClient rest() {
        return rest;
    }

    public ElasticsearchClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // closing a connection pool: nothing to recover
        }
    }
}
