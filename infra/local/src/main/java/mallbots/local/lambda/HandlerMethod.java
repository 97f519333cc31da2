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
import mallbots.platform.config.Environment;

/**
 * A function's handler, constructed and resolved as Lambda's Java runtime does: "pkg.Class"
 * (a RequestHandler or RequestStreamHandler) or "pkg.Class::method". The instance is built
 * through the configuration seam: a public constructor taking {@link Environment}, else one
 * taking {@code Map<String, String>}, else the no-argument one.
 */
final class HandlerMethod {

    private final Object instance;
    private final Method method;
    private final boolean stream;

    private HandlerMethod(Object instance, Method method, boolean stream) {
        this.instance = instance;
        this.method = method;
        this.stream = stream;
    }

    static HandlerMethod load(String functionName, String handler, Map<String, String> environment) {
        String[] parts = handler.split("::", 2);
        Class<?> type;
        try {
            type = Class.forName(parts[0], true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HostException("function " + functionName + ": handler class " + parts[0]
                    + " is not on the local cloud's classpath (is its module a dependency of infra/local?)", e);
        }
        Object instance = construct(functionName, type, environment);
        Method method = parts.length == 2 ? named(functionName, type, parts[1]) : interfaceMethod(functionName, type);
        method.setAccessible(true);
        Class<?>[] parameters = method.getParameterTypes();
        boolean stream = parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class;
        return new HandlerMethod(instance, method, stream);
    }

    private static Object construct(String functionName, Class<?> type, Map<String, String> environment) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Environment.class) {
                    return constructor.newInstance(Environment.of(environment));
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
        if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new HostException("function " + functionName + ": " + type.getName()
                    + " implements neither RequestHandler nor RequestStreamHandler; name the method as Class::method");
        }
        return named(functionName, type, "handleRequest");
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
    String invoke(String payload, Context context) throws Exception {
        try {
            if (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(instance, new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.size() == 0 ? null : out.toString(StandardCharsets.UTF_8);
            }
            Type parameter = method.getGenericParameterTypes()[0];
            Object input = LambdaPayloads.toParameter(payload, parameter);
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
