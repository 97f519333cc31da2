/** The JSON Schemas of the messages and their validator. */
package mallbots.schema;
