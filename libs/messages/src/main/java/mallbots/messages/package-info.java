/**
 * The published language of MallBots: the payload of every message on the bus, one record per
 * detail-type, in the package of the context that sends it. A record is named as its detail-type,
 * but for the saga's commands ({@code mallbots.cosec}), whose records end in {@code Command}
 * ({@code ApproveOrderCommand} for {@code ApproveOrder}) so that none shares its name with the use
 * case of the context that runs it.
 */
package mallbots.messages;
