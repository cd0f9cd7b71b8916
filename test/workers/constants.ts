/** Shared by the Node-side setup, the pool config and the Workers tests. */
export const SINK_DOMAIN = 'sink.test';
