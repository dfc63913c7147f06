package org.pobox.auth;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pobox.index.SideIndex;
import org.pobox.node.EngineClient;
import org.pobox.node.EngineErrors;
import org.pobox.node.EngineUnavailableException;

/**
 * Failed logins counted per user name and client address, in {@code <alias>-logins}: a lock then
 * slows only the address that guessed, not the account's owner elsewhere, and it is kept alike for
 * names that exist and names that do not, so the answer says nothing about which names exist.
 * <p>
 * An attempt is counted before its password is checked, with the engine's optimistic concurrency
 * ({@code if_seq_no}/{@code if_primary_term}, retried on a conflict): parallel guesses each take
 * their own number, and those past the limit are refused unchecked.
 */
public final class LoginFailures {

    private static final String MAPPING = """
            {"dynamic":"strict","properties":{
              "name":{"type":"keyword"},"address":{"type":"keyword"},
              "attempts":{"type":"integer"},"locked_until":{"type":"date"},"last_at":{"type":"date"}}}""";
    private static final int MAX_RETRIES = 50;

    private final ElasticsearchClient client;
    private final String index;
    private final int maxFailures;
    private final Duration lockTime;

    public LoginFailures(EngineClient engine, String lettersAlias, int maxFailures, Duration lockTime) {
        this.client = engine.client();
        this.index = SideIndex.name(lettersAlias, "logins");
        this.maxFailures = maxFailures;
        this.lockTime = lockTime;
        SideIndex.ensure(client, index, MAPPING);
    }

    /**
     * Counts one attempt of {@code name} from {@code address}; false when the pair is locked (this
     * attempt is past the limit, or an earlier lock still runs) and the password must not be checked.
     * The attempt that reaches the limit locks the pair at once, in case its password is wrong too.
     */
    public boolean attempt(String name, String address, Instant now) {
        String id = id(name, address);
        for (int i = 0; i < MAX_RETRIES; i++) {
            try {
                GetResponse<Map> got = client.get(g -> g.index(index).id(id), Map.class);
                int attempts = 0;
                Instant lockedUntil = null;
                if (got.found() && got.source() != null) {
                    attempts = ((Number) got.source().getOrDefault("attempts", 0)).intValue();
                    Object l = got.source().get("locked_until");
                    lockedUntil = l == null ? null : Instant.parse(String.valueOf(l));
                    if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                        attempts = 0; // the lock ran out: a fresh start
                        lockedUntil = null;
                    }
                }
                if (attempts >= maxFailures) {
                    return false;
                }
                attempts++;
                if (attempts >= maxFailures) {
                    lockedUntil = now.plus(lockTime);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", name);
                doc.put("address", address);
                doc.put("attempts", attempts);
                doc.put("locked_until", lockedUntil == null ? null : lockedUntil.toString());
                doc.put("last_at", now.toString());
                if (got.found()) {
                    long seq = got.seqNo();
                    long term = got.primaryTerm();
                    client.index(x -> x.index(index).id(id).document(doc).ifSeqNo(seq).ifPrimaryTerm(term).refresh(Refresh.True));
                } else {
                    client.create(x -> x.index(index).id(id).document(doc).refresh(Refresh.True));
                }
                return true;
            } catch (ElasticsearchException | IOException e) {
                if (!EngineErrors.isConflict(e)) {
                    throw e instanceof ElasticsearchException ee ? ee
                            : new EngineUnavailableException("cannot count a login: " + e.getMessage(), e);
                }
                // another attempt of the same pair was counted in between: read again
            }
        }
        // so many attempts at once that ours never got its turn: refuse it rather than check it uncounted
        return false;
    }

    /** A right password: the pair's count starts again. */
    public void succeeded(String name, String address) {
        try {
            client.delete(d -> d.index(index).id(id(name, address)).refresh(Refresh.True));
        } catch (ElasticsearchException | IOException e) {
            if (EngineErrors.status(e) != 404) {
                throw e instanceof ElasticsearchException ee ? ee
                        : new EngineUnavailableException("cannot reset a login count: " + e.getMessage(), e);
            }
        }
    }

    /** Lifts every lock and count of the user (an admin's unlock). */
    public void clear(String name) {
        try {
            client.deleteByQuery(d -> d.index(index).query(q -> q.term(t -> t.field("name").value(name))).refresh(true)
                    .conflicts(co.elastic.clients.elasticsearch._types.Conflicts.Proceed));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot unlock: " + e.getMessage(), e);
        }
    }

    /** The addresses from which the user's name is locked now. */
    public List<String> lockedAddresses(String name, Instant now) {
        try {
            List<String> out = new ArrayList<>();
            for (var h : client.search(s -> s.index(index).size(1000)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("name").value(name)))
                            .filter(f -> f.range(r -> r.date(d -> d.field("locked_until").gt(now.toString())))))),
                    Map.class).hits().hits()) {
                out.add(String.valueOf(h.source().get("address")));
            }
            return out;
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot read login counts: " + e.getMessage(), e);
        }
    }

    /** One document per pair; the id is a hash, so an address or name cannot make an odd id. */
    private static String id(String name, String address) {
        return Accounts.sha256(name + "\n" + address);
    }
}
