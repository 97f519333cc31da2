/** The published language of MallBots: the payload of every message on the bus. */
package mallbots.messages;
