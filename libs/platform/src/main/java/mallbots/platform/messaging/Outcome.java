package mallbots.platform.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a participant answered a saga command. */
public enum Outcome {
    @JsonProperty("success") SUCCESS,
    @JsonProperty("failure") FAILURE
}
