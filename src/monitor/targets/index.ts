/** Monitor targets: what may be watched (parse) and the addresses it stands for each round (expand). */
export { parseMonitorTarget, MAX_CIDR_ADDRESSES, type MonitorTargetSpec } from './parse.js';
export { expandTarget, cidrAddresses, DEFAULT_EXPANSION_LIMITS, type Expansion, type ExpansionLimits } from './expand.js';
