package mallbots.platform.saga;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A saga: its name (in every command's metadata), where participants reply (the orchestrator's
 * source, e.g. "mallbots.cosec"), the type of its data (stored as JSON in the saga's item) and its
 * steps in order. Step numbers start at 1.
 *
 * <p>Its {@link #layout()} names what each step sends; every saga instance records the layout it
 * runs under, so that a saga started under other steps (an older deployment) is refused rather
 * than sent the command of whatever step has its number now.
 *
 * @param <D> the saga's data: a record that JSON maps both ways
 */
public record SagaDefinition<D>(String name, String replyTo, Class<D> dataType, List<SagaStep<D>> steps) {

    public SagaDefinition {
        requireText(name, "name");
        requireText(replyTo, "replyTo");
        Objects.requireNonNull(dataType, "dataType");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a saga has at least one step");
        }
    }

    @SafeVarargs
    public static <D> SagaDefinition<D> of(String name, String replyTo, Class<D> dataType, SagaStep<D>... steps) {
        return new SagaDefinition<>(name, replyTo, dataType, List.of(steps));
    }

    /**
     * The steps by the message types they send and compensate, e.g.
     * {@code "-/RejectOrder | AuthorizeCustomer + CreateShoppingList/CancelShoppingList | ApproveOrder"}.
     */
    public String layout() {
        return steps.stream().map(SagaStep::layout).collect(Collectors.joining(" | "));
    }

    /** Step {@code number}, counting from 1. */
    public SagaStep<D> step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IllegalArgumentException(name + " has no step " + number);
        }
        return steps.get(number - 1);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a saga needs a " + what);
        }
    }
}
