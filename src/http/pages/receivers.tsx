/** "How receivers will treat this": one row per receiver, its predicted answer and the requirement behind it. */
import type { ReceiverVerdict } from '../../core/types.js';

const OUTCOME_WORDS: Record<string, string> = { accept: 'accepts', deferred: 'defers (4xx)', rejected: 'rejects (5xx)', 'spam-risk': 'accepts, spam risk', unknown: 'cannot tell' };

export function ReceiversCard(props: { receivers: readonly ReceiverVerdict[] }) {
  return (
    <section class="card" aria-labelledby="receivers">
      <h2 id="receivers">How receivers will treat this</h2>
      <table class="receivers">
        <thead>
          <tr><th scope="col">receiver</th><th scope="col">prediction</th><th scope="col">what it answers</th><th scope="col">because</th></tr>
        </thead>
        <tbody>
          {props.receivers.map((r) => (
            <tr class={`outcome-${r.outcome}`}>
              <td>{r.name}</td>
              <td>
                {OUTCOME_WORDS[r.outcome] ?? r.outcome}
                {r.possible?.length ? <span> ({r.possible.map((o) => OUTCOME_WORDS[o] ?? o).join(' or ')}): {r.unknown?.join(', ')} could not be checked; try again</span>
                  : r.unknown?.length ? <span class="muted"> (could change: {r.unknown.join(', ')} not judged)</span> : null}
              </td>
              <td>{r.outcome === 'accept' || r.outcome === 'unknown' ? '' : r.reply ? <code>{r.reply}</code> : <span class="muted">no published reply text</span>}</td>
              <td>
                {r.rules.length ? <span>{r.rules.join(', ')} </span> : null}
                {/* The requirement behind it, folded: twenty-odd receivers' texts in full made the page too long to read (or to capture). */}
                <details>
                  <summary>{r.verbatim ? 'their requirement' : 'their requirement (our summary)'}</summary>
                  {r.verbatim ? <q>{r.requirement}</q> : r.requirement} <a href={r.source}>source</a> <span class="muted">(checked {r.checked})</span>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
