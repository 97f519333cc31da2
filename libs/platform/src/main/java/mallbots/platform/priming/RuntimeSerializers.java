package mallbots.platform.priming;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.OutputStream;

/**
 * The Lambda runtime's own event serializers (aws-lambda-java-serialization, with its shaded
 * Jackson and the mix-ins for the event classes), which turn the first event into the handler's
 * argument and its answer into JSON: a third of a cold first request. They belong to the runtime
 * (Lambda's Java runtime, the runtime interface client), not to the function jar, so they are
 * used only when the runtime has them; {@link Priming} loads this class only after checking.
 */
final class RuntimeSerializers {

    private RuntimeSerializers() {
    }

    static <E> E read(Class<E> type, String json) {
        return LambdaEventSerializers.serializerFor(type, RuntimeSerializers.class.getClassLoader()).fromJson(json);
    }

    static <A> void write(Class<A> type, A value) {
        LambdaEventSerializers.serializerFor(type, RuntimeSerializers.class.getClassLoader())
                .toJson(value, OutputStream.nullOutputStream());
    }
}
