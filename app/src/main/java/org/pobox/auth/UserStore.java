package org.pobox.auth;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.pobox.index.SideIndex;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineErrors;
import org.pobox.node.EngineUnavailableException;

/** The accounts, one document per user (id = user name) in the {@code <alias>-users} index. */
public final class UserStore {

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "name":{"type":"keyword"},"roles":{"type":"keyword"},
              "password_hash":{"type":"keyword","index":false},
              "token_hashes":{"type":"keyword"}}}""";

    private static final int MAX_RETRIES = 20;

    private final EngineClient engine;
    private final String lettersAlias;
    private final ElasticsearchClient client;
    private final String index;

    public UserStore(EngineClient engine, String lettersAlias) {
        this.engine = engine;
        this.lettersAlias = lettersAlias;
        this.client = engine.client();
        this.index = SideIndex.name(lettersAlias, "users");
        SideIndex.ensure(client, index, MAPPING);
    }

    EngineClient engine() {
        return engine;
    }

    String lettersAlias() {
        return lettersAlias;
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

    /** Stores a new user; refused when the name is taken (also by a concurrent add). */
    public void create(User u) {
        try {
            client.create(c -> c.index(index).id(u.name()).document(toDoc(u)).refresh(Refresh.True));
        } catch (ElasticsearchException | IOException e) {
            if (EngineErrors.isConflict(e)) {
                throw new IllegalArgumentException("user " + u.name() + " exists already");
            }
            throw e instanceof ElasticsearchException ee ? ee : new EngineUnavailableException("cannot save user: " + e.getMessage(), e);
        }
    }

    /**
     * Applies {@code change} to the stored user and writes it only if nobody wrote the user in
     * between ({@code if_seq_no}/{@code if_primary_term}); on a conflict it reads again and retries,
     * so two changes at once (a role change and a new token) both hold.
     */
    public User update(String name, UnaryOperator<User> change) {
        for (int i = 0; i < MAX_RETRIES; i++) {
            try {
                GetResponse<Map> r = client.get(g -> g.index(index).id(name), Map.class);
                if (!r.found()) {
                    throw new IllegalArgumentException("no user " + name);
                }
                User changed = change.apply(fromDoc(r.source()));
                long seq = r.seqNo();
                long term = r.primaryTerm();
                client.index(x -> x.index(index).id(name).document(toDoc(changed)).ifSeqNo(seq).ifPrimaryTerm(term)
                        .refresh(Refresh.True));
                return changed;
            } catch (ElasticsearchException | IOException e) {
                if (!EngineErrors.isConflict(e)) {
                    throw e instanceof ElasticsearchException ee ? ee
                            : new EngineUnavailableException("cannot save user: " + e.getMessage(), e);
                }
                // written by someone else in between: read again
            }
        }
        throw new EngineUnavailableException("user " + name + " kept changing under us; try again", null);
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
        d.put("token_hashes", u.tokenHashes());
        return d;
    }

    @SuppressWarnings("unchecked")
    private static User fromDoc(Map<?, ?> d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Collection<Object>) d.get("roles")) {
            roles.add(Role.of(String.valueOf(r)));
        }
        Object tokens = d.get("token_hashes");
        return new User(String.valueOf(d.get("name")), roles, (String) d.get("password_hash"),
                tokens == null ? List.of() : ((Collection<Object>) tokens).stream().map(String::valueOf)
                        .collect(Collectors.toList()));
    }
}
