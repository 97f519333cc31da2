package mallbots.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * A function's handler, constructed and resolved as Lambda's Java runtime does: "pkg.Class"
 * (a RequestHandler or RequestStreamHandler) or "pkg.Class::method". The instance is built
 * through the configuration seam: a public constructor taking the platform's
 * {@code mallbots.platform.config.Environment}, else one taking {@code Map<String, String>}, else
 * the no-argument one. The class comes from the function's own class loader ({@link FunctionCode}),
 * so the Lambda types it uses ({@code Context}, {@code RequestHandler}) are its jar's copies, not
 * the host's: they are matched by name, and the host's Context reaches it through
 * {@link RuntimeBridge}, as Lambda's runtime hands its own Context to the customer's code.
 */
final class HandlerMethod {

    private final Object instance;
    private final Method method;
    private final boolean stream;
    private final Class<?> contextType;
    private final EventSerializers events;

    private HandlerMethod(Object instance, Method method, boolean stream, EventSerializers events) {
        this.instance = instance;
        this.events = events;
        this.method = method;
        this.stream = stream;
        Class<?>[] parameters = method.getParameterTypes();
        this.contextType = parameters.length >= 2 ? parameters[parameters.length - 1] : null;
    }

    private static final String ENVIRONMENT = "mallbots.platform.config.Environment";

    /** Fails early, naming the function, when its code does not hold its handler class. */
    static void requireHandlerClass(String functionName, String handler, FunctionCode code) {
        String className = handler.split("::", 2)[0];
        if (!code.holds(className)) {
            throw new HostException("function " + functionName + ": handler class " + className + " is not in "
                    + code.location());
        }
    }

    /** Initialises and constructs the handler, as Lambda's init phase does. */
    static HandlerMethod load(String functionName, String handler, Map<String, String> environment, FunctionCode code) {
        String[] parts = handler.split("::", 2);
        Class<?> type;
        try {
            type = Class.forName(parts[0], true, code.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HostException("function " + functionName + ": handler class " + parts[0] + " cannot be loaded from "
                    + code.location() + " (" + e + ")", e);
        }
        Object instance = construct(functionName, type, environment);
        Method method = parts.length == 2 ? named(functionName, type, parts[1]) : interfaceMethod(functionName, type);
        method.setAccessible(true);
        Class<?>[] parameters = method.getParameterTypes();
        boolean stream = parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class;
        return new HandlerMethod(instance, method, stream, stream ? null : EventSerializers.of(code.loader()));
    }

    private static Object construct(String functionName, Class<?> type, Map<String, String> environment) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0].getName().equals(ENVIRONMENT)) {
                    // the function's own copy of the platform's Environment, made by its own factory
                    Object config = constructor.getParameterTypes()[0].getMethod("of", Map.class)
                            .invoke(null, Map.copyOf(environment));
                    return constructor.newInstance(config);
                }
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Map.class) {
                    return constructor.newInstance(Map.copyOf(environment));
                }
            }
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new HostException("function " + functionName + ": " + type.getName()
                    + " has no public constructor taking Environment, Map<String, String> or nothing", e);
        } catch (InvocationTargetException e) {
            throw new HostException("function " + functionName + ": constructing " + type.getName() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HostException("function " + functionName + ": cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static Method interfaceMethod(String functionName, Class<?> type) {
        if (!implementsNamed(type, RequestHandler.class.getName()) && !implementsNamed(type, RequestStreamHandler.class.getName())) {
            throw new HostException("function " + functionName + ": " + type.getName()
                    + " implements neither RequestHandler nor RequestStreamHandler; name the method as Class::method");
        }
        return named(functionName, type, "handleRequest");
    }

    /** Whether the type implements the interface of that name (from whichever class loader). */
    static boolean implementsNamed(Class<?> type, String interfaceName) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (implemented.getName().equals(interfaceName) || implementsNamed(implemented, interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The public method of that name; a concrete signature wins over a generic bridge. */
    private static Method named(String functionName, Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .min(Comparator.comparing(Method::isBridge).thenComparing(m -> m.getParameterTypes()[0] == Object.class))
                .orElseThrow(() -> new HostException("function " + functionName + ": " + type.getName()
                        + " has no public method " + name + "(input[, Context])"));
    }

    /** Invokes the handler with the JSON payload Lambda would send; returns the JSON it answers (or null). */
    String invoke(String payload, Context hostContext) throws Exception {
        Object context = RuntimeBridge.context(hostContext, contextType);
        try {
            if (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(instance, new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.size() == 0 ? null : out.toString(StandardCharsets.UTF_8);
            }
            Type parameter = method.getGenericParameterTypes()[0];
            Object input = LambdaPayloads.toParameter(payload, parameter, events);
            Object result = method.getParameterCount() == 1
                    ? method.invoke(instance, input)
                    : method.invoke(instance, input, context);
            return LambdaPayloads.toJson(result);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
