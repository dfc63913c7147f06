package org.pobox.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.pobox.keys.FieldCipher;
import org.pobox.keys.SealBrokenException;
import org.pobox.letter.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The letters' {@code reporter} field as the engine holds it: the writer's name, phone, ID number
 * and address as one AES-GCM sealed string, bound to the letter's id, so whoever reads the engine
 * directly (or its files, or a snapshot) gets ciphertext. pobox opens it only on its own server,
 * for a lead's view and to blank the values out of what others see.
 */
public final class ReporterField {

    public static final String FIELD = "reporter";
    private static final Logger LOG = LoggerFactory.getLogger(ReporterField.class);

    private ReporterField() {
    }

    /** Replaces a plain {@code reporter} object in {@code doc} by its sealed form; no reporter, no field. */
    public static void seal(ObjectNode doc, String letterId, FieldCipher cipher) {
        JsonNode plain = doc.get(FIELD);
        if (plain == null || plain.isNull() || FieldCipher.isSealed(plain.asText(null))) {
            return;
        }
        if (!plain.isObject() || !plain.fields().hasNext() || allNull(plain)) {
            doc.remove(FIELD);
            return;
        }
        doc.put(FIELD, cipher.seal(plain.toString(), boundTo(letterId)));
    }

    /** A reporter's fields as the engine keeps them for letter {@code letterId}. */
    public static String sealed(Map<?, ?> reporter, String letterId, FieldCipher cipher) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set(FIELD, Json.MAPPER.valueToTree(reporter));
        seal(doc, letterId, cipher);
        return doc.path(FIELD).asText(null);
    }

    /**
     * The reporter of a stored letter, opened: null when it has none, or when its sealed value does
     * not open (changed in the engine or sealed with another key: logged, never shown). A plain
     * object is a letter indexed before identity was sealed; `pobox reindex` seals it.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> open(Object stored, String letterId, FieldCipher cipher) {
        if (stored instanceof Map<?, ?> legacy) {
            return (Map<String, Object>) legacy;
        }
        if (!(stored instanceof String sealed)) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(cipher.open(sealed, boundTo(letterId)), Map.class);
        } catch (SealBrokenException | JsonProcessingException e) {
            LOG.warn("the reporter of letter {} does not open ({}): left out", shortId(letterId), e.getMessage());
            return null;
        }
    }

    private static String boundTo(String letterId) {
        return "pobox letter reporter " + letterId;
    }

    private static boolean allNull(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }
}
