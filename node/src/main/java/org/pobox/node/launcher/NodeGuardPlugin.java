package org.pobox.node.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.opensearch.client.node.NodeClient;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.NetworkPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.TransportChannel;
import org.opensearch.transport.TransportInterceptor;
import org.opensearch.transport.TransportRequest;
import org.opensearch.transport.TransportRequestHandler;

/**
 * The embedded node answers only pobox: every REST request must name the node's own address in
 * {@code Host} (127.0.0.1:port or localhost:port: a web page the browser loaded from another name,
 * re-pointed at 127.0.0.1 by DNS rebinding, sends that other name) and carry the token of
 * {@code pobox.node.token_file} (0600, pobox's user only) in {@code X-Pobox-Node-Token}, so other
 * accounts on the host cannot read the letters, users or audit either. Anything else gets 403
 * before any handler runs.
 *
 * <p>The transport port (127.0.0.1:9300) carries no token, so it takes no requests at all: a
 * single node sends its own actions to itself through the in-process ("direct") channel, and
 * every request that arrives over a TCP connection, from a program speaking the node protocol on
 * this host, is refused before its handler runs.
 */
public class NodeGuardPlugin extends Plugin implements ActionPlugin, NetworkPlugin {

    public static final Setting<String> TOKEN_FILE = Setting.simpleString("pobox.node.token_file",
            Setting.Property.NodeScope);
    static final String TOKEN_HEADER = "X-Pobox-Node-Token";

    private final Set<String> hosts;
    private final byte[] token;

    public NodeGuardPlugin(Settings settings) {
        String port = settings.get("http.port");
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        String file = TOKEN_FILE.get(settings);
        if (file.isBlank()) {
            throw new IllegalStateException("pobox node: no token file (pobox.node.token_file); refusing to start open");
        }
        try {
            this.token = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("pobox node: cannot read the token file " + file, e);
        }
        if (token.length < 16) {
            throw new IllegalStateException("pobox node: the token in " + file + " is too short");
        }
    }

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(TOKEN_FILE);
    }

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        return handler -> new RestHandler.Wrapper(handler) {
            @Override
            public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
                String refusal = refusal(request);
                if (refusal != null) {
                    channel.sendResponse(new BytesRestResponse(RestStatus.FORBIDDEN, "application/json",
                            "{\"error\":\"pobox node: " + refusal + "\",\"status\":403}"));
                    return;
                }
                super.handleRequest(request, channel, client);
            }
        };
    }

    @Override
    public List<TransportInterceptor> getTransportInterceptors(NamedWriteableRegistry registry, ThreadContext threadContext) {
        return List.of(new TransportInterceptor() {
            @Override
            public <T extends TransportRequest> TransportRequestHandler<T> interceptHandler(String action, String executor,
                    boolean forceExecution, TransportRequestHandler<T> actual) {
                return (request, channel, task) -> {
                    if (fromOutside(channel)) {
                        channel.sendResponse(new SecurityException("pobox node: no requests over the transport port ("
                                + action + ")"));
                        return;
                    }
                    actual.messageReceived(request, channel, task);
                };
            }
        });
    }

    /** A request that came over a TCP connection rather than from this node itself. */
    static boolean fromOutside(TransportChannel channel) {
        return !"direct".equals(channel.getChannelType());
    }

    /** Why the request is refused, or null. */
    String refusal(RestRequest request) {
        String host = request.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return "Host must be this node's own address";
        }
        String sent = request.header(TOKEN_HEADER);
        if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.US_ASCII))) {
            return "missing or wrong token";
        }
        return null;
    }
}
