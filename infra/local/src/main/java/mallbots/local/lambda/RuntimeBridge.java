package mallbots.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The host's {@link Context} as the function's own copy of the interface: a function loaded from
 * its jar has its own {@code com.amazonaws.services.lambda.runtime.Context} and {@code LambdaLogger},
 * which the host's classes do not implement. A proxy of the function's interface answers each
 * call from the host's context by method name; the logger likewise. Methods the host does not
 * know (a newer aws-lambda-java-core's defaults) run their default body.
 */
final class RuntimeBridge {

    private RuntimeBridge() {
    }

    /** The context to pass a handler whose last parameter is {@code contextType} (null: none). */
    static Object context(Context context, Class<?> contextType) {
        if (contextType == null || contextType.isInstance(context)) {
            return context;
        }
        if (!contextType.isInterface() || !contextType.getName().equals(Context.class.getName())) {
            throw new HostException("the handler's last parameter is " + contextType.getName() + ", not a Lambda Context");
        }
        return proxy(contextType, (proxy, method, args) -> switch (method.getName()) {
            case "getLogger" -> logger(context.getLogger(), method.getReturnType());
            case "getIdentity", "getClientContext" -> null;
            default -> answer(Context.class, context, proxy, method, args);
        });
    }

    private static Object logger(LambdaLogger logger, Class<?> loggerType) {
        return proxy(loggerType, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length == 1) {
                if (args[0] instanceof byte[] bytes) {
                    logger.log(new String(bytes, StandardCharsets.UTF_8));
                } else {
                    logger.log(String.valueOf(args[0]));
                }
                return null;
            }
            return answer(LambdaLogger.class, logger, proxy, method, args);
        });
    }

    private static Object proxy(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** The host interface's method of the same name and no arguments, Object's methods, or the interface's default. */
    private static Object answer(Class<?> hostType, Object host, Object proxy, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "bridge to " + host;
            };
        }
        if (method.getParameterCount() == 0) {
            try {
                return hostType.getMethod(method.getName()).invoke(host);
            } catch (NoSuchMethodException unknown) {
                // a method of a newer interface than the host's
            }
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        throw new UnsupportedOperationException(method.getName() + " is not available in the local cloud");
    }
}
