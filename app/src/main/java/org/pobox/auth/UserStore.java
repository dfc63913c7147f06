package org.pobox.auth;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pobox.index.SideIndex;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineUnavailableException;

/** The accounts, one document per user (id = user name) in the {@code <alias>-users} index. */
public final class UserStore {

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "name":{"type":"keyword"},"roles":{"type":"keyword"},
              "password_hash":{"type":"keyword","index":false},
              "failed_logins":{"type":"integer"},"locked_until":{"type":"date"},
              "token_hashes":{"type":"keyword"}}}""";

    private final ElasticsearchClient client;
    private final String index;

    public UserStore(EngineClient engine, String lettersAlias) {
        this.client = engine.client();
        this.index = SideIndex.name(lettersAlias, "users");
        SideIndex.ensure(client, index, MAPPING);
    }

    public Optional<User> get(String name) {
        try {
            GetResponse<Map> r = client.get(g -> g.index(index).id(name), Map.class);
            return r.found() ? Optional.of(fromDoc(r.source())) : Optional.empty();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read user: " + e.getMessage(), e);
        }
    }

    public Optional<User> byTokenHash(String tokenHash) {
        try {
            var hits = client.search(s -> s.index(index).size(1)
                    .query(q -> q.term(t -> t.field("token_hashes").value(tokenHash))), Map.class).hits().hits();
            return hits.isEmpty() ? Optional.empty() : Optional.of(fromDoc(hits.get(0).source()));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read users: " + e.getMessage(), e);
        }
    }

    public void save(User u) {
        try {
            client.index(i -> i.index(index).id(u.name()).document(toDoc(u)).refresh(Refresh.True));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot save user: " + e.getMessage(), e);
        }
    }

    public List<User> list() {
        try {
            List<User> out = new ArrayList<>();
            for (var h : client.search(s -> s.index(index).size(1000).sort(o -> o.field(f -> f.field("name"))),
                    Map.class).hits().hits()) {
                out.add(fromDoc(h.source()));
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot list users: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return list().isEmpty();
    }

    private static Map<String, Object> toDoc(User u) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", u.name());
        d.put("roles", u.roles().stream().map(Role::id).sorted().toList());
        d.put("password_hash", u.passwordHash());
        d.put("failed_logins", u.failedLogins());
        d.put("locked_until", u.lockedUntil() == null ? null : u.lockedUntil().toString());
        d.put("token_hashes", u.tokenHashes());
        return d;
    }

    @SuppressWarnings("unchecked")
    private static User fromDoc(Map<?, ?> d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Collection<Object>) d.get("roles")) {
            roles.add(Role.of(String.valueOf(r)));
        }
        Object locked = d.get("locked_until");
        Object failed = d.get("failed_logins");
        Object tokens = d.get("token_hashes");
        return new User(String.valueOf(d.get("name")), roles, (String) d.get("password_hash"),
                failed == null ? 0 : ((Number) failed).intValue(),
                locked == null ? null : Instant.parse(String.valueOf(locked)),
                tokens == null ? List.of() : ((Collection<Object>) tokens).stream().map(String::valueOf)
                        .collect(Collectors.toList()));
    }
}
