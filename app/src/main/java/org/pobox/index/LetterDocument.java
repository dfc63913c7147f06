package org.pobox.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pobox.keys.FieldCipher;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.understand.LetterUnderstanding;
import org.pobox.understand.duplicates.DuplicateSignature;

/**
 * What is indexed for one letter: what OCR read (its text already stripped of the writer's
 * identity) merged with what pobox understood of it, and the link to an earlier copy of the same
 * matter. The writer's identity lives only in {@code reporter}, which the mapping keeps out of
 * every searchable field and which goes to the engine sealed ({@link ReporterField}).
 */
public record LetterDocument(Letter letter, LetterUnderstanding understanding, DuplicateSignature signature,
                             String duplicateOf, int repeatCount) {

    /**
     * Fields that people gave a letter after it was indexed (sealing, the box it came from): a
     * letter read or understood again keeps them from its indexed document.
     */
    public static final java.util.List<String> GIVEN_BY_PEOPLE = java.util.List.of("sealed", "box");


    public String id() {
        return letter.id();
    }

    /** The document as the engine keeps it, the reporter sealed with {@code reporters}. */
    public ObjectNode toJson(FieldCipher reporters) {
        ObjectNode doc = Json.MAPPER.valueToTree(letter);
        doc.setAll((ObjectNode) org.pobox.letter.Json.MAPPER.valueToTree(understanding));
        ReporterField.seal(doc, letter.id(), reporters);
        doc.set("dup_keys", Json.MAPPER.valueToTree(signature.bandKeys()));
        doc.set("dup_sig", signature.toJson());
        if (duplicateOf != null) {
            doc.put("duplicate_of", duplicateOf);
        }
        doc.put("repeat_count", repeatCount);
        return doc;
    }

    /** The stored signature of an indexed letter, for confirming a band-key candidate. */
    public static DuplicateSignature signatureOf(com.fasterxml.jackson.databind.JsonNode source) {
        return DuplicateSignature.fromJson(source.path("dup_sig"));
    }
}
