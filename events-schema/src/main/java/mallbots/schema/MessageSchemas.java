package mallbots.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The JSON Schema of every message on the bus, loaded from the classpath
 * ({@code schemas/<context>/<DetailType>.json}), and a validator of whole EventBridge events and
 * of PutEvents entries against them. Errors name the offending field by its JSON path, e.g.
 * {@code $.detail.data.price: does not match the regex pattern ...}.
 */
public final class MessageSchemas {

    /** The {@code $id} prefix of our schemas; it resolves to the classpath, never to the network. */
    public static final String ID_PREFIX = "https://mallbots.example/schemas/";

    private static final String ROOT = "schemas";
    private static final String EXAMPLES = "examples";
    private static final String COMMON = "common.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Keywords whose errors are about one property of the object at the error's location. */
    private static final Set<String> NAMES_A_PROPERTY =
            Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

    private static volatile MessageSchemas loaded;

    /** One schema per detail-type (detail-types are unique on the bus). */
    private final Map<String, MessageSchema> byDetailType;

    /** The example of each message, by detail-type. */
    private final Map<String, String> examples;

    private record MessageSchema(String source, String detailType, Schema schema) {
    }

    private MessageSchemas(Map<String, MessageSchema> byDetailType, Map<String, String> examples) {
        this.byDetailType = Collections.unmodifiableMap(byDetailType);
        this.examples = Collections.unmodifiableMap(examples);
    }

    /** All schemas on the classpath, loaded once and shared (validation is thread-safe). */
    public static MessageSchemas load() {
        MessageSchemas result = loaded;
        if (result == null) {
            synchronized (MessageSchemas.class) {
                result = loaded;
                if (result == null) {
                    result = loadFromClasspath();
                    loaded = result;
                }
            }
        }
        return result;
    }

    public Set<String> detailTypes() {
        return byDetailType.keySet();
    }

    /** The source ({@code mallbots.<context>}) that sends a detail-type, if it is known. */
    public Optional<String> sourceOf(String detailType) {
        return Optional.ofNullable(byDetailType.get(detailType)).map(MessageSchema::source);
    }

    /**
     * The valid example of every message ({@code examples/<context>/<DetailType>.json}): a whole
     * EventBridge event as a consumer receives it, by detail-type.
     */
    public Map<String, String> examples() {
        return examples;
    }

    /** The example of one message, to start tests from a valid event. */
    public String example(String detailType) {
        String example = examples.get(detailType);
        if (example == null) {
            throw new IllegalArgumentException("no example of " + detailType);
        }
        return example;
    }

    /** Validates a whole EventBridge event as a target receives it; an empty list means valid. */
    public List<String> validateEvent(String eventJson) {
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson == null ? "" : eventJson);
        } catch (JsonProcessingException e) {
            return List.of("$: not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return List.of("$: expected a JSON object (an EventBridge event)");
        }
        JsonNode detailType = event.get("detail-type");
        if (detailType == null || !detailType.isTextual()) {
            return List.of("$.detail-type: is required (a string)");
        }
        MessageSchema schema = byDetailType.get(detailType.asText());
        if (schema == null) {
            return List.of("$.detail-type: unknown message type " + detailType.asText());
        }
        List<String> errors = new ArrayList<>();
        JsonNode source = event.get("source");
        if (source != null && source.isTextual() && !source.asText().equals(schema.source())) {
            errors.add("$.source: " + schema.detailType() + " is sent by " + schema.source() + ", not by "
                    + source.asText());
        }
        for (Error error : schema.schema().validate(eventJson, InputFormat.JSON)) {
            errors.add(describe(error));
        }
        return List.copyOf(errors);
    }

    /**
     * Validates a PutEvents entry (what a publisher sends): wraps the detail into the event
     * EventBridge would deliver and validates that.
     */
    public List<String> validateEntry(String source, String detailType, String detailJson) {
        JsonNode detail;
        try {
            detail = MAPPER.readTree(detailJson == null ? "" : detailJson);
        } catch (JsonProcessingException e) {
            return List.of("$.detail: not JSON: " + e.getOriginalMessage());
        }
        if (detail == null || detail.isMissingNode()) {
            return List.of("$.detail: is required");
        }
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", "000000000000");
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.putArray("resources");
        event.set("detail", detail);
        return validateEvent(event.toString());
    }

    /**
     * Throws unless the entry is valid.
     *
     * @throws IllegalArgumentException listing every error
     */
    public void requireValidEntry(String source, String detailType, String detailJson) {
        List<String> errors = validateEntry(source, detailType, detailJson);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(detailType + " from " + source + " does not match its schema:\n  "
                    + String.join("\n  ", errors) + "\ndetail: " + detailJson);
        }
    }

    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (error.getProperty() != null && NAMES_A_PROPERTY.contains(error.getKeyword())) {
            // name the missing or unknown field itself, not only the object that holds it
            where = where + "." + error.getProperty();
        }
        return where + ": " + message;
    }

    private static MessageSchemas loadFromClasspath() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                        .schemaRegistryConfig(config)
                        .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + ROOT + "/")));
        Path resources = resourceRoot();
        Map<String, MessageSchema> schemas = new TreeMap<>();
        for (String file : jsonFiles(resources.resolve(ROOT))) {
            String context = file.substring(0, file.indexOf('/'));
            String detailType = file.substring(file.indexOf('/') + 1, file.length() - ".json".length());
            Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + file));
            schema.initializeValidators(); // resolve every $ref now, so a broken schema fails at load
            MessageSchema previous = schemas.put(detailType,
                    new MessageSchema("mallbots." + context, detailType, schema));
            if (previous != null) {
                throw new IllegalStateException("two schemas for " + detailType + ": " + previous.source()
                        + " and mallbots." + context);
            }
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no message schemas on the classpath under " + ROOT + "/");
        }
        return new MessageSchemas(schemas, readExamples(resources.resolve(EXAMPLES)));
    }

    private static Map<String, String> readExamples(Path root) {
        Map<String, String> examples = new TreeMap<>();
        for (String file : jsonFiles(root)) {
            String detailType = file.substring(file.indexOf('/') + 1, file.length() - ".json".length());
            try {
                examples.put(detailType, Files.readString(root.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read example " + file, e);
            }
        }
        return examples;
    }

    /**
     * The root of this module's resources (a directory, or the jar the schemas are packed in):
     * found through schemas/common.json so that a same-named folder of another jar is never used.
     */
    private static Path resourceRoot() {
        URL common = MessageSchemas.class.getClassLoader().getResource(ROOT + "/" + COMMON);
        if (common == null) {
            throw new IllegalStateException(ROOT + "/" + COMMON + " is not on the classpath");
        }
        try {
            URI uri = common.toURI();
            Path commonFile;
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                commonFile = jar.getPath(ROOT, COMMON);
            } else {
                commonFile = Path.of(uri);
            }
            return commonFile.toAbsolutePath().getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the resources holding " + common, e);
        }
    }

    /** The JSON files one level down ("context/Name.json"), sorted. */
    private static List<String> jsonFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> root.relativize(p).getNameCount() == 2)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
