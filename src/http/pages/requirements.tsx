/**
 * "What the big receivers require": a compact checklist near the top of the
 * report, one line per program with its counts and what is not met; each
 * line opens to the requirements, the rules that show them and the
 * receiver's own words.
 */
import type { ProgramResult, RequirementResult } from '../../core/types.js';

const STATE = { met: { pill: 's-pass', word: 'met' }, 'not-met': { pill: 's-fail', word: 'not met' }, 'cannot-tell': { pill: 's-error', word: 'cannot tell' } } as const;

export function RequirementsCard(props: { programs: readonly ProgramResult[] }) {
  return (
    <section class="card" aria-labelledby="requirements">
      <h2 id="requirements">What the big receivers require</h2>
      <ul class="requirements">
        {props.programs.map((p) => {
          const missing = p.requirements.filter((r) => r.state === 'not-met').map((r) => r.title);
          return (
            <li>
              <details>
                <summary>
                  <strong>{p.name}</strong>: <span class={p.notMet ? 's-fail' : 'muted'}>{p.notMet} not met</span> · <span class="s-pass">{p.met} met</span> · <span class={p.cannotTell ? 's-error' : 'muted'}>{p.cannotTell} cannot tell</span>
                  {p.verdict?.outcome === 'rejected' ? <> · <span class="s-fail">rejected ({p.verdict.reply?.split(' ').slice(0, 2).join(' ')})</span></> : null}
                </summary>
                <p class="muted">Applies to: {p.appliesTo}</p>
                {p.verdict?.outcome === 'rejected' ? <p><span class="pill s-fail">rejected</span> because {p.verdict.because.join(', ')} {p.verdict.because.length === 1 ? 'is' : 'are'} not met: <code>{p.verdict.reply}</code></p>
                  : p.verdict?.outcome === 'unknown' ? <p><span class="pill s-error">cannot tell</span> whether it accepts: {p.verdict.because.join(', ')} not shown by this audit</p> : null}
                <ul class="requirement-list">
                  {p.requirements.map((r) => <RequirementRow r={r} />)}
                </ul>
              </details>
              {missing.length ? <div class="missing">Not met: {missing.join('; ')}</div> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RequirementRow(props: { r: RequirementResult }) {
  const { r } = props;
  const s = STATE[r.state];
  return (
    <li class={`requirement ${r.state}`}>
      <span class={`pill ${s.pill}`}>{s.word}</span> {r.title}
      {r.rules.length ? <span class="muted"> ({r.rules.join(', ')})</span> : null}
      {r.why ? <div class="muted">{r.temporary ? 'Not a verdict: ' : ''}{r.why}</div> : null}
      {r.reply && r.state === 'not-met' ? <div><code>{r.reply}</code></div> : null}
      <details>
        <summary>{r.verbatim ? 'in their words' : 'their requirement (our summary)'}</summary>
        {r.verbatim ? <q>{r.quote}</q> : r.quote} <a href={r.source}>source</a> <span class="muted">(checked {r.checked})</span>
      </details>
    </li>
  );
}
