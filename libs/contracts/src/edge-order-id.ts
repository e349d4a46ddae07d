/**
 * The orderId the gateway assigns at the edge to an order placed without one
 * (`POST /v1/orders`). The orders service uses it when the body has no orderId,
 * so a retry of the same request on another orders instance is the same order,
 * never a second one. A client-sent header of this name is replaced.
 */
export const EDGE_ORDER_ID_HEADER = 'stockflow-edge-order-id';
