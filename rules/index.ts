/**
 * The rule catalogue, in report order. A catalogue test checks that every
 * file under rules/ is here and that ids match file names.
 */
import type { Rule } from '../src/core/rule.js';
import ipPublic from './ip-public.js';
import ptrPresent from './ptr-present.js';
import ptrSingle from './ptr-single.js';
import ptrHostname from './ptr-hostname.js';
import ptrNotGeneric from './ptr-not-generic.js';
import fcrdns from './fcrdns.js';

export const catalogue: readonly Rule[] = [ipPublic, ptrPresent, ptrSingle, ptrHostname, ptrNotGeneric, fcrdns];

export function ruleById(id: string): Rule | undefined {
  return catalogue.find((r) => r.meta.id === id);
}
