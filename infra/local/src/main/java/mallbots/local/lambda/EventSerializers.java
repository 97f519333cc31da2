package mallbots.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda's serializers of the event classes (aws-lambda-java-serialization, what Lambda's Java
 * runtime reads SQSEvent, ScheduledEvent, ... with), one copy per function, as each Lambda
 * runtime process has its own. One shared copy cannot serve several functions' class loaders:
 * it registers its Joda-Time module on a JVM-wide mapper once, for the first loader's
 * {@code org.joda.time.DateTime}, and every other function's ScheduledEvent then fails to read.
 * Each function's copy is loaded from the library's jar in a loader whose parent is the
 * function's, so it sees the function's event classes as the runtime does.
 */
final class EventSerializers {

    private final ClassLoader functionLoader;
    private final Method serializerFor;
    private final Method fromJson;
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    private EventSerializers(ClassLoader functionLoader, Method serializerFor, Method fromJson) {
        this.functionLoader = functionLoader;
        this.serializerFor = serializerFor;
        this.fromJson = fromJson;
    }

    static boolean supports(Class<?> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName());
    }

    /** The serializers for a function's event classes; the host's own for a function on its classpath. */
    static EventSerializers of(ClassLoader functionLoader) {
        try {
            ClassLoader library = functionLoader == EventSerializers.class.getClassLoader()
                    ? functionLoader
                    : new URLClassLoader("lambda-serialization", new URL[] {libraryJar()}, functionLoader);
            Class<?> serializers = Class.forName(LambdaEventSerializers.class.getName(), true, library);
            Class<?> pojoSerializer = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
                    true, library);
            return new EventSerializers(functionLoader,
                    serializers.getMethod("serializerFor", Class.class, ClassLoader.class),
                    pojoSerializer.getMethod("fromJson", String.class));
        } catch (ReflectiveOperationException e) {
            throw new HostException("cannot load Lambda's event serializers: " + e, e);
        }
    }

    /** Reads an event class from its JSON, as Lambda's runtime does. */
    Object fromJson(String json, Class<?> type) throws Exception {
        try {
            Object serializer = byType.computeIfAbsent(type, this::serializer);
            return fromJson.invoke(serializer, json);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private Object serializer(Class<?> type) {
        try {
            return serializerFor.invoke(null, type, functionLoader);
        } catch (ReflectiveOperationException e) {
            throw new HostException("no Lambda serializer for " + type.getName() + ": " + e, e);
        }
    }

    private static URL libraryJar() {
        try {
            return LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
