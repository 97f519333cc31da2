/**
 * cosec, the <b>c</b>reate-<b>o</b>rder <b>s</b>aga <b>e</b>xecution <b>c</b>oordinator (the name
 * the original MallBots application gives this context): it runs one create-order saga per order,
 * sending the commands to customers, depot, payments and ordering and compensating when one refuses.
 * {@link mallbots.cosec.CosecModule} wires it; functions/cosec/README.md describes the saga.
 */
package mallbots.cosec;
