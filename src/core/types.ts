/**
 * The shapes that flow through the pipeline, in three files:
 * Target ──gather──▶ Evidence (evidence.ts) ──rules──▶ RuleResult[] (result.ts)
 * ──score──▶ Report (report.ts). This index lets a module import the vocabulary in one line.
 */
export type * from './evidence.js';
export type * from './result.js';
export type * from './report.js';
export type * from './receivers.js';
export type * from './requirements.js';
export { iprevOf } from './result.js';
