// What a re-sync preview adds to the page (SPEC §3.0), shared by the match and push previews and the summary:
// the chip for how a row was decided (a link distinct from names), drift and link warnings as badges, a
// document's last sync as a chip, and the filter options for these tags. A first sync has none of them.
import { chip, el, fmt } from './dom.js';

/** Short labels of the re-sync tags (the worker's `tag:<name>` filters) and warning codes. */
export const TAG_LABELS = {
  link: 'decided by a link',
  name_drift: 'name drift',
  country_drift: 'country drift',
  linked_record_missing: 'missing link',
  duplicate_link: 'duplicate link',
  already_pushed: 'already pushed',
  push_in_progress: 'push in progress',
  last_push_failed: 'last push failed',
  push_again: 'can be pushed again',
};

/** The filter tags of each view, in the order the filters list them. */
export const VIEW_TAGS = {
  counterparts: ['link', 'name_drift', 'country_drift', 'linked_record_missing', 'duplicate_link'],
  products: ['link', 'name_drift', 'linked_record_missing', 'duplicate_link'],
  documents: ['already_pushed', 'push_in_progress', 'last_push_failed', 'push_again'],
};

/** Whether a plan is a re-sync preview: the engine adds these counts only when synced records were given. */
export const isResync = (summary) => Boolean(summary?.synced_records);

/** How a row was decided: `link` (from the last sync's synced record) stands apart from the name rules. */
export function decidedChip(decidedBy) {
  return el('span', { className: `chip by by-${decidedBy}`, title: decidedBy === 'link' ? 'decided by the link the last sync left (names not compared)' : `decided by ${decidedBy}` }, decidedBy);
}

/** One badge per warning (drift, a shared or missing link, a failed push), the message as its tooltip. */
export function warningBadges(warnings) {
  return warnings.map((w) => el('span', { className: 'warn', dataset: { code: w.code }, title: w.message }, `⚠ ${TAG_LABELS[w.code] ?? w.code}`));
}

/** Warnings as a list of code, path and the engine's message (details panels). */
export function warningList(warnings) {
  if (!warnings.length) return el('p', { className: 'muted' }, 'none');
  return el(
    'ul',
    { className: 'warnings' },
    warnings.map((w) => el('li', { dataset: { code: w.code } }, el('code', {}, w.code), w.path ? [' at ', el('code', {}, w.path)] : '', ': ', el('span', { className: 'message' }, w.message))),
  );
}

const SYNCED_CHIPS = {
  already_pushed: ['done', 'already pushed'],
  push_in_progress: ['pending', 'in progress'],
  last_push_failed: ['error', 'last push failed'],
};

/** A document's last sync: already pushed / in progress / last push failed, or a muted dash. */
export function syncedChip(state) {
  const known = SYNCED_CHIPS[state];
  return known ? chip(known[0], known[1]) : el('span', { className: 'muted', title: 'no synced record' }, '—');
}

/** `[<optgroup>]` of a view's re-sync filters with their counts, or `[]` on a first sync. */
export function tagOptions(resync, names, tags = {}) {
  if (!resync) return [];
  return [el('optgroup', { label: 'Since the last sync' }, names.map((t) => el('option', { value: `tag:${t}` }, `${TAG_LABELS[t]} (${fmt(tags[t] ?? 0)})`)))];
}
