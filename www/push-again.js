// The open document's last sync (SPEC §3.0 item 5): its synced record, the API's message of a failed push, and
// for a document that failed and is eligible now a "Push again" button. It calls the client's `pushFailed` for
// this one document (a plan of its push result alone, `sections` its section), shows what happened — pushed, or
// the typed error's message — and offers "Preview again". A plan made from a local file has no API to push to:
// the button is disabled and says why.
import { chip, el } from './dom.js';
import { syncedChip } from './resync.js';

const NO_API =
  'This plan was made from a local file: there is no API to push to. Preview through the Monite API simulator (Data in, or Connection → Sync → Preview again) to push it again.';

function syncedFacts(synced) {
  if (!synced) return el('p', { className: 'muted' }, 'No synced record: the last sync never attempted this document.');
  return el(
    'p',
    { className: 'synced-facts' },
    'synced record ',
    el('code', {}, synced.record_id),
    ` · sync_status ${synced.sync_status}`,
    synced.platform_object_id ? [' · in the accounting system as ', el('code', {}, synced.platform_object_id)] : '',
    synced.updated_at ? ` · updated ${synced.updated_at}` : '',
  );
}

/** What `pushFailed` reported for the one document, in words (and a chip). */
function outcomeOf(report) {
  const [pushed] = report.pushed;
  const [failed] = report.failed;
  const [skipped] = report.skipped;
  if (pushed) {
    const r = pushed.record;
    return [chip(r.sync_status, r.sync_status === 'done' ? 'pushed' : r.sync_status), ` Pushed again: synced record ${pushed.record_id} is ${r.sync_status}`, r.platform_object_id ? `, ${r.platform_object_id} in the accounting system.` : '.'];
  }
  if (failed) {
    const note = failed.ambiguous ? ' It may have been processed all the same: preview again (or look at the synced record) before pushing once more.' : '';
    return [chip('error', 'failed'), ` ${failed.error.name}: ${failed.error.message}.${note}`];
  }
  if (skipped) return [chip('none', 'not pushed'), ` Skipped (${skipped.reason}): ${skipped.errors.map((e) => e.message).join('; ') || 'nothing was sent'}.`];
  return [chip('none', 'not pushed'), ' Nothing to push: the plan has no failed push for this document.'];
}

/**
 * The "Last sync" part of a document's details. `api` (`{ client, preview, setStep }`) when the plan came
 * through the API, else null; `reopen()` shows the document again after a new preview.
 */
export function lastSync(d, api, reopen) {
  const out = [el('h4', {}, 'Last sync ', syncedChip(d.synced_state)), syncedFacts(d.synced)];
  if (d.last_failed) out.push(el('p', { className: 'api-message', id: 'last-push-failed' }, el('b', {}, 'Why the last push failed: '), d.last_failed));
  if (d.synced_state === 'last_push_failed' && !d.can_push_again) {
    out.push(el('p', { className: 'muted' }, 'It still fails the checks listed under Reasons: pushed again now it would fail again. Fix them, then preview again.'));
  }
  if (!d.can_push_again) return out;

  const button = el('button', { type: 'button', id: 'push-again', disabled: !api, attrs: api ? {} : { 'aria-describedby': 'push-again-note' } }, 'Push again');
  const result = el('div', { id: 'push-again-result', className: 'push-result', attrs: { role: 'status' } });
  const note = el('p', { id: 'push-again-note', className: 'muted' }, api ? 'It passes the checks now: push it again with POST /accounting_synced_records/{id}/push (the client’s pushFailed, this document only).' : NO_API);

  const previewAgain = () => {
    const again = el('button', { type: 'button', id: 'push-preview-again', className: 'secondary' }, 'Preview again');
    again.addEventListener('click', async () => {
      again.disabled = true;
      api.setStep('preview again');
      try {
        await api.preview();
        await reopen();
      } catch (error) {
        result.append(el('p', { className: 'bad' }, `Preview failed: ${error.name}: ${error.message}`));
        again.disabled = false;
      }
    });
    return again;
  };

  button.addEventListener('click', async () => {
    // Sent once: a second click could make a second document in the accounting system.
    button.disabled = true;
    result.replaceChildren('Pushing again…');
    api.setStep('push again');
    let report;
    try {
      report = await api.client.pushFailed({ push: { [d.section]: [d.result] } }, { sections: [d.section], concurrency: 1 });
    } catch (error) {
      result.replaceChildren(el('p', { className: 'bad' }, `${error.name}: ${error.message}`));
      return;
    }
    const ok = report.pushed.length > 0;
    result.replaceChildren(el('p', { className: ok ? 'ok' : 'bad', dataset: { outcome: ok ? 'pushed' : report.failed.length ? 'failed' : 'skipped' } }, outcomeOf(report)), previewAgain());
  });
  out.push(el('div', { className: 'buttons' }, button), note, result);
  return out;
}
