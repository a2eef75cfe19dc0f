package io.tzurot.storage.preset;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.storage.db.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snake_case JSON form of {@link AdvancedParameters} ({@code llm_configs.advanced_parameters}).
 * Unknown keys are dropped; a document with a wrong type or a value out of range is ignored as a whole
 * with a warning (the preset then has no advanced parameters), never fatal.
 */
public final class AdvancedParametersJson {

    private static final Logger LOG = LoggerFactory.getLogger(AdvancedParametersJson.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private AdvancedParametersJson() {
    }

    /** Decodes a stored document; {@code where} names the row in the warning. NULL or invalid gives {@link AdvancedParameters#NONE}. */
    public static AdvancedParameters read(String json, String where) {
        if (json == null || json.isBlank()) {
            return AdvancedParameters.NONE;
        }
        try {
            AdvancedParameters parameters = MAPPER.readValue(json, AdvancedParameters.class);
            return parameters == null ? AdvancedParameters.NONE : parameters;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("ignoring advanced parameters of {}: {}", where, firstLine(e));
            return AdvancedParameters.NONE;
        }
    }

    /** Encodes for the JSON column; no parameters is stored as SQL NULL. */
    public static JsonText write(AdvancedParameters parameters) {
        if (parameters == null || parameters.equals(AdvancedParameters.NONE)) {
            return null;
        }
        try {
            return new JsonText(MAPPER.writeValueAsString(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("advanced parameters cannot be encoded", e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause() instanceof IllegalArgumentException) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
