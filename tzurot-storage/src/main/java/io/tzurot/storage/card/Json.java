package io.tzurot.storage.card;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tzurot.core.card.CardFileException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** JSON reading with the limits of {@link CardLimits}: bounded nesting, string and document sizes; strict UTF-8. */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(CardLimits.MAX_JSON_DEPTH)
                    .maxStringLength(CardLimits.MAX_JSON_BYTES)
                    .maxNumberLength(100)
                    .maxDocumentLength(CardLimits.MAX_JSON_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Parses untrusted bytes; {@code what} names the document in errors ("the ccv3 chunk", "card.json"). */
    static JsonNode parse(byte[] bytes, String what) {
        if (bytes.length > CardLimits.MAX_JSON_BYTES) {
            throw new CardFileException(what + " is " + bytes.length + " bytes; card JSON may be at most "
                    + CardLimits.MAX_JSON_BYTES + " bytes.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CardFileException(what + " is not valid UTF-8 text.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new CardFileException(what + " is empty; expected a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CardFileException(what + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + ".");
        } catch (java.io.IOException e) {
            throw new CardFileException(what + " could not be read as JSON.");
        }
    }

    /** Parses JSON this project wrote itself (stored columns). */
    static JsonNode parseTrusted(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /** Compact JSON text. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pretty JSON bytes (4-space indent like SillyTavern's own export is not needed; 2 spaces). */
    static byte[] pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
