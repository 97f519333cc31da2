package mallbots.messages.stores;

import mallbots.messages.Require;

/**
 * Integration event from mallbots.stores. A store joined (participating true) or left the robot
 * shopping program.
 */
public record StoreParticipationToggled(String storeId, boolean participating) {

    public StoreParticipationToggled {
        Require.id(storeId, "storeId");
    }
}
