/**
 * Fills `{name}` placeholders from a result's data; lists read as "a; b".
 * A value that is a fragment ({ messageId, … }) or a list of them is filled
 * from its own template (the rule's `meta.fragments`), so every word stays in meta.
 */
export function format(template: string, data: Record<string, unknown> = {}, fragments: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined || v === null) return whole;
    if (Array.isArray(v)) return v.map((x) => value(x, fragments)).join('; ');
    return value(v, fragments);
  });
}

function value(v: unknown, fragments: Record<string, string>): string {
  if (typeof v === 'object' && v !== null && typeof (v as { messageId?: unknown }).messageId === 'string') {
    const f = v as Record<string, unknown> & { messageId: string };
    const template = fragments[f.messageId];
    return template === undefined ? f.messageId : format(template, f, fragments);
  }
  return String(v);
}

/** The placeholder names a template uses (RuleTester checks data provides them). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Seconds in words: 3600 → "1 hour", 86400 → "1 day". */
export function duration(seconds: number): string {
  const units: [number, string][] = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
