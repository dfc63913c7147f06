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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pobox.index.SideIndex;
import org.pobox.keys.Signer;
import org.pobox.letter.Json;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineErrors;
import org.pobox.node.EngineUnavailableException;

/**
 * The accounts, one document per user (id = user name) in the {@code <alias>-users} index. Each
 * record carries {@code mac}, an HMAC (key {@code users.key}, which the engine never sees) over the
 * name, roles, password hash, lock state and token hashes: a record changed in the engine directly
 * (a role added, a hash replaced, a lock lifted) no longer matches and is refused on every read as
 * if there were no such user, and logged. Only pobox, through {@link #save}, makes valid records.
 */
public final class UserStore {

    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "name":{"type":"keyword"},"roles":{"type":"keyword"},
              "password_hash":{"type":"keyword","index":false},
              "token_hashes":{"type":"keyword"},"mac":{"type":"keyword","index":false}}}""";

    private static final int MAX_RETRIES = 20;

    private final EngineClient engine;
    private final String lettersAlias;
    private final ElasticsearchClient client;
    private final Signer signer;
    private final String index;

    public UserStore(EngineClient engine, String lettersAlias) {
        this.engine = engine;
        this.lettersAlias = lettersAlias;
        this.client = engine.client();
        this.signer = engine.keys().users();
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
            return r.found() ? checked(r.id(), r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read user: " + e.getMessage(), e);
        }
    }

    public Optional<User> byTokenHash(String tokenHash) {
        try {
            var hits = client.search(s -> s.index(index).size(1)
                    .query(q -> q.term(t -> t.field("token_hashes").value(tokenHash))), Map.class).hits().hits();
            return hits.isEmpty() ? Optional.empty() : checked(hits.get(0).id(), hits.get(0).source());
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read users: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code u} as it is, signed: for an operator who has checked a refused record and vouches
     * for it ({@code pobox user refused --sign}).
     */
    public void save(User u) {
        try {
            client.index(x -> x.index(index).id(u.name()).document(toDoc(u)).refresh(Refresh.True));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot save user: " + e.getMessage(), e);
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
                // a record that fails its signature is never the base of a change: re-signing it would
                // make roles someone edited in the engine valid
                User changed = change.apply(checked(r.id(), r.source())
                        .orElseThrow(() -> new IllegalArgumentException("no user " + name)));
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
                checked(h.id(), h.source()).ifPresent(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot list users: " + e.getMessage(), e);
        }
    }

    /**
     * The records that fail their check (changed in the engine, or made before records were signed),
     * as they read, for an operator to look at: {@code pobox user refused}.
     */
    public List<User> refused() {
        try {
            List<User> out = new ArrayList<>();
            for (var h : client.search(s -> s.index(index).size(1000).sort(o -> o.field(f -> f.field("name"))),
                    Map.class).hits().hits()) {
                if (checked(h.id(), h.source()).isEmpty()) {
                    try {
                        out.add(fromDoc(h.source()));
                    } catch (RuntimeException e) {
                        // not even readable: nothing to show or sign again
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot list users: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return list().isEmpty();
    }

    private Map<String, Object> toDoc(User u) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", u.name());
        d.put("roles", u.roles().stream().map(Role::id).sorted().toList());
        d.put("password_hash", u.passwordHash());
        d.put("token_hashes", u.tokenHashes());
        d.put("mac", signer.sign(canonical(u)));
        return d;
    }

    /** The record read back, if its signature matches what it says and the id it is stored under. */
    private Optional<User> checked(String id, Map<?, ?> source) {
        User u;
        try {
            u = fromDoc(source);
        } catch (RuntimeException e) {
            LOG.warn("user record {} is malformed ({}): refused", id, e.getMessage());
            return Optional.empty();
        }
        if (!u.name().equals(id) || !signer.verify(canonical(u), source.get("mac"))) {
            LOG.warn("user record {} does not match its signature (changed outside pobox, or made before "
                    + "records were signed): refused; an admin can set it again with `pobox user`", id);
            return Optional.empty();
        }
        return Optional.of(u);
    }

    /** Everything that decides who a user is and what they may do, in one fixed order. */
    static String canonical(User u) {
        List<Object> fields = new ArrayList<>();
        fields.add("pobox-user-v1");
        fields.add(u.name());
        fields.add(u.roles().stream().map(Role::id).sorted().toList());
        fields.add(u.passwordHash());
        fields.add(u.tokenHashes().stream().sorted().toList());
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
