package org.pobox.node;

import org.apache.http.Header;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;

/**
 * elasticsearch-java 9 talks to Elasticsearch 9 only: it sends a versioned media type and checks
 * that responses carry {@code X-Elastic-Product}. OpenSearch speaks the same JSON for what pobox
 * uses, so for OpenSearch (the embedded node) the HTTP layer rewrites those two things. Never
 * applied to a real Elasticsearch.
 */
final class OpenSearchCompat {

    private static final String VENDOR_TYPE = "vnd.elasticsearch+json";

    private OpenSearchCompat() {
    }

    static HttpAsyncClientBuilder apply(HttpAsyncClientBuilder builder) {
        HttpRequestInterceptor plainJson = (request, context) -> {
            for (String name : new String[] {"Accept", "Content-Type"}) {
                for (Header h : request.getHeaders(name)) {
                    if (h.getValue().contains(VENDOR_TYPE)) {
                        request.removeHeader(h);
                        request.addHeader(name, "application/json");
                    }
                }
            }
        };
        HttpResponseInterceptor productHeader = (response, context) -> {
            if (!response.containsHeader("X-Elastic-Product")) {
                response.addHeader("X-Elastic-Product", "Elasticsearch");
            }
        };
        return builder.addInterceptorLast(plainJson).addInterceptorLast(productHeader);
    }
}
