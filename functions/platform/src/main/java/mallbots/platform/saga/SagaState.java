package mallbots.platform.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import mallbots.platform.json.Json;
import mallbots.platform.messaging.Nullable;

/**
 * The state of one saga instance, as its item stores it.
 *
 * @param id the saga's id (the sagaId of its commands and replies)
 * @param name the saga's name
 * @param data the saga's data as JSON (see {@link #data(Class)})
 * @param step the step whose command was sent last going forward: the one awaited while running,
 *        the last one when completed, the one that failed when compensated
 * @param done no reply changes it any more
 * @param compensating a step failed and the compensations were sent
 * @param awaiting the message id of the command whose reply the saga waits for (none once done)
 * @param reason why the failed step failed (when compensating)
 */
public record SagaState(
        String id,
        String name,
        JsonNode data,
        int step,
        boolean done,
        boolean compensating,
        @Nullable String awaiting,
        @Nullable String reason) {

    public SagaState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (done == (awaiting != null)) {
            throw new IllegalArgumentException("a running saga awaits a reply, a done one none");
        }
    }

    /** The saga's data as its definition's type. */
    public <D> D data(Class<D> type) {
        try {
            return Json.mapper().treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saga " + id + ": cannot read its data as " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Whether it ended with every step done (not compensated). */
    public boolean completed() {
        return done && !compensating;
    }
}
