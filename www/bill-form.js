// The bill validation form: edit a bill's header and lines (ledger account, tax rate reference, amounts)
// and see, on every keystroke, the errors `createBillValidator(context).validate(bill)` returns, each under
// its field (matched by the error's path) and all in a list with their exact messages.
import { createBillValidator } from '/pkg/esm/browser.js';
import { $, chip, el, json } from './dom.js';

const STATUSES = ['draft', 'new', 'approve_in_progress', 'waiting_to_be_paid', 'partially_paid', 'paid', 'canceled', 'rejected', 'issued'];
const REF_KEYS = ['accounting_tax_rate_id', 'tax_rate_ref_id', 'tax_rate_ref'];

/** A typed value: '' → null, a number when it reads as one, else the text (the engine names the mistake). */
function numberOrText(text) {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const pathId = (path) => `f-${path.replace(/[^a-z0-9]+/gi, '-')}`;

/** An input with its label and its error slot; `paths` are the error paths shown under it. */
function field({ path, label, value, paths = [path], list, inputmode, hint, type = 'text', options, resolve }) {
  const id = pathId(path);
  const errorId = `${id}-error`;
  const control = options
    ? el('select', { id, name: path }, options.map((o) => el('option', { value: o, selected: o === value }, o)))
    : el('input', { id, name: path, type, value: value ?? '', attrs: { ...(list ? { list } : {}), ...(inputmode ? { inputmode } : {}), spellcheck: 'false' } });
  control.dataset.path = path;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', errorId].filter(Boolean).join(' '));
  return el(
    'div',
    { className: 'field', dataset: { paths: paths.join(' ') } },
    el('label', { htmlFor: id }, label),
    control,
    resolve ? el('small', { className: 'resolved', dataset: { resolve } }) : null,
    hint ? el('small', { id: `${id}-hint`, className: 'muted' }, hint) : null,
    el('p', { id: errorId, className: 'field-error', dataset: { errorFor: path }, attrs: { 'aria-live': 'polite' } }),
  );
}

export function setupBillForm(form) {
  let data;
  let validator;
  let original;
  let refKeys = [];

  function lineFieldset(line, k) {
    const p = (name) => `line_items[${k}].${name}`;
    const refKey = REF_KEYS.find((key) => line[key] !== undefined && line[key] !== null) ?? 'accounting_tax_rate_id';
    refKeys[k] = refKey;
    const refValue = refKey === 'tax_rate_ref' ? line.tax_rate_ref?.id : line[refKey];
    return el(
      'fieldset',
      { className: 'line', dataset: { line: k } },
      el('legend', {}, `Line ${k + 1}`),
      el(
        'div',
        { className: 'line-grid' },
        field({ path: p('name'), label: 'Description', value: line.name ?? line.description ?? '' }),
        field({ path: p('ledger_account_id'), label: 'Ledger account', value: line.ledger_account_id, list: 'ledger-accounts', resolve: 'ledger', hint: 'an id from the accounting system: pick or type' }),
        field({
          path: p('accounting_tax_rate_id'),
          paths: [p('accounting_tax_rate_id'), p('tax_rate_ref_id'), p('tax_rate_ref'), p('tax_rate_ref.id')],
          label: 'Tax rate reference',
          value: refValue,
          list: 'tax-rates',
          resolve: 'tax',
          hint: 'or leave empty and give the tax',
        }),
        field({ path: p('tax'), label: 'Tax (bp)', value: line.tax ?? '', inputmode: 'numeric', hint: 'basis points: 1900 = 19 %' }),
        field({ path: p('quantity'), label: 'Quantity', value: line.quantity ?? '', inputmode: 'decimal' }),
        field({ path: p('unit_price'), label: 'Unit price (minor units)', value: line.unit_price ?? '', inputmode: 'numeric', hint: '8600 = 86.00' }),
        el('div', { className: 'field' }, el('span', { className: 'label' }, 'Line total'), el('output', { className: 'amount', dataset: { total: k } }, '')),
        el('div', { className: 'field end' }, el('button', { type: 'button', className: 'secondary', dataset: { remove: k }, attrs: { 'aria-label': `Remove line ${k + 1}` } }, 'Remove line')),
      ),
    );
  }

  function build(entry) {
    original = structuredClone(entry.bill);
    const bill = original;
    refKeys = [];
    const standing = bill.counterpart_id ? data.context.counterparts?.[bill.counterpart_id] : undefined;
    const statuses = STATUSES.includes(bill.status) ? STATUSES : [bill.status, ...STATUSES];
    form.replaceChildren(
      el(
        'div',
        { className: 'form-top' },
        el(
          'div',
          { className: 'field' },
          el('label', { htmlFor: 'bill-select' }, 'Bill'),
          el(
            'select',
            { id: 'bill-select' },
            data.bills.map((b) =>
              el('option', { value: b.bill.id, selected: b.bill.id === bill.id }, `${b.bill.document_id ?? b.bill.id} — ${b.bill.status} — ${b.eligible ? 'eligible in the plan' : 'blocked in the plan'}`),
            ),
          ),
          data.total > data.bills.length ? el('small', { className: 'muted' }, `the first ${data.bills.length} of ${data.total} bills`) : null,
        ),
        el('button', { type: 'button', id: 'bill-reset', className: 'secondary' }, 'Reset this bill'),
      ),
      el(
        'div',
        { className: 'bill-layout' },
        el(
          'div',
          {},
          el(
            'fieldset',
            { className: 'head' },
            el('legend', {}, 'Bill'),
            el(
              'div',
              { className: 'head-grid' },
              field({ path: 'status', label: 'Status', value: bill.status, options: statuses }),
              field({ path: 'issued_at', label: 'Issued at', value: bill.issued_at ?? '', hint: 'YYYY-MM-DD' }),
              field({ path: 'currency', label: 'Currency', value: bill.currency ?? '' }),
              el(
                'div',
                { className: 'field', dataset: { paths: 'counterpart_id' } },
                el('span', { className: 'label' }, 'Counterpart'),
                el(
                  'span',
                  {},
                  el('span', { className: 'cp-name' }, data.names?.[bill.counterpart_id] ?? ''),
                  standing ? chip(standing, standing === 'blocked' ? 'blocked in push' : standing === 'create' ? 'to be created' : 'matched') : '',
                  ' ',
                  el('small', { className: 'muted' }, el('code', { title: bill.counterpart_id ?? '' }, (bill.counterpart_id ?? '—').slice(0, 8))),
                ),
                el('p', { className: 'field-error', dataset: { errorFor: 'counterpart_id' } }),
              ),
            ),
          ),
          el('div', { id: 'bill-lines' }, (bill.line_items ?? []).map(lineFieldset)),
          el('p', { className: 'field-error', dataset: { errorFor: 'line_items' } }),
          el('button', { type: 'button', id: 'add-line', className: 'secondary' }, 'Add a line'),
        ),
        el(
          'aside',
          { className: 'result', attrs: { 'aria-labelledby': 'bill-result-title' } },
          el('h3', { id: 'bill-result-title' }, 'validateBill'),
          el('p', { id: 'bill-verdict', role: 'status' }),
          el('ul', { id: 'bill-issues', className: 'issue-list' }),
          el('div', { id: 'bill-payload' }),
        ),
      ),
      el(
        'datalist',
        { id: 'ledger-accounts' },
        data.context.ledger_accounts.map((a) => el('option', { value: a.id }, `${a.nominal_code ?? ''} ${a.name ?? ''}${a.status && a.status !== 'active' ? ` (${a.status})` : ''}`)),
      ),
      el('datalist', { id: 'tax-rates' }, data.context.tax_rates.map((r) => el('option', { value: r.id }, `${r.name ?? r.code ?? ''} (${(r.effective_tax_rate ?? 0) / 100} %)`))),
    );
    validate();
  }

  const value = (path) => form.querySelector(`[data-path="${CSS.escape(path)}"]`)?.value ?? '';

  /** The bill as the form has it now. */
  function read() {
    const bill = structuredClone(original);
    bill.status = value('status');
    bill.issued_at = value('issued_at').trim() || null;
    bill.currency = value('currency').trim() || null;
    const rates = new Map(data.context.tax_rates.map((r) => [r.id, r.effective_tax_rate]));
    const lines = [...form.querySelectorAll('fieldset.line')].map((fs) => Number(fs.dataset.line));
    let sums = { subtotal: 0, tax_amount: 0, total: 0 };
    bill.line_items = lines.map((k) => {
      const p = (name) => value(`line_items[${k}].${name}`);
      const line = structuredClone(original.line_items?.[k] ?? {});
      line.name = p('name');
      const ledger = p('ledger_account_id').trim();
      line.ledger_account_id = ledger || null;
      for (const key of REF_KEYS) delete line[key];
      const ref = p('accounting_tax_rate_id').trim();
      if (ref) line[refKeys[k] ?? 'accounting_tax_rate_id'] = refKeys[k] === 'tax_rate_ref' ? { id: ref } : ref;
      line.tax = numberOrText(p('tax'));
      line.quantity = numberOrText(p('quantity'));
      line.unit_price = numberOrText(p('unit_price'));
      const rate = typeof line.tax === 'number' ? line.tax : rates.get(ref);
      if (typeof line.quantity === 'number' && typeof line.unit_price === 'number') {
        line.subtotal = Math.round(line.quantity * line.unit_price);
        line.tax_amount = typeof rate === 'number' ? Math.round((line.subtotal * rate) / 10000) : 0;
        line.total = line.subtotal + line.tax_amount;
      }
      if (sums && typeof line.total === 'number') {
        sums.subtotal += line.subtotal ?? 0;
        sums.tax_amount += line.tax_amount ?? 0;
        sums.total += line.total;
      } else sums = null;
      const out = form.querySelector(`output[data-total="${k}"]`);
      if (out) out.textContent = typeof line.total === 'number' ? `${(line.total / 100).toFixed(2)} ${bill.currency ?? ''}` : '—';
      return line;
    });
    if (sums && bill.line_items.length) {
      bill.subtotal = sums.subtotal;
      bill.tax_amount = sums.tax_amount;
      bill.total_amount = sums.total;
    }
    return bill;
  }

  function showIssues(issues, eligible, payload) {
    for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    const list = $('bill-issues');
    list.replaceChildren();
    for (const issue of issues) {
      const holder = [...form.querySelectorAll('[data-paths]')].find((f) => f.dataset.paths.split(' ').includes(issue.path));
      const slot = holder?.querySelector('.field-error') ?? form.querySelector(`.field-error[data-error-for="${CSS.escape(issue.path)}"]`);
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent} · ${issue.message}` : issue.message;
      holder?.querySelector('input, select')?.setAttribute('aria-invalid', 'true');
      const target = holder?.querySelector('input, select');
      list.append(
        el(
          'li',
          { dataset: { path: issue.path, code: issue.code } },
          target ? el('a', { href: `#${target.id}` }, el('code', {}, issue.path)) : el('code', {}, issue.path),
          ' ',
          el('span', { className: 'code' }, issue.code),
          el('div', {}, issue.message),
        ),
      );
    }
    const verdict = $('bill-verdict');
    verdict.replaceChildren(eligible ? chip('eligible', 'eligible to push') : chip('blocked', `${issues.length} problem${issues.length === 1 ? '' : 's'}`));
    $('bill-payload').replaceChildren(...(payload ? [el('h4', {}, 'Payload'), json(payload, 'Bill payload')] : []));
  }

  /** Names what the typed ids refer to, under their inputs. */
  function resolveIds() {
    const accounts = new Map(data.context.ledger_accounts.map((a) => [a.id, a]));
    const rates = new Map(data.context.tax_rates.map((r) => [r.id, r]));
    for (const slot of form.querySelectorAll('[data-resolve]')) {
      const id = slot.parentElement.querySelector('input').value.trim();
      let text = '';
      if (id && slot.dataset.resolve === 'ledger') {
        const a = accounts.get(id);
        text = a ? `→ ${[a.nominal_code, a.name].filter(Boolean).join(' ')}${a.type ? ` · ${a.type}` : ''}${a.status && a.status !== 'active' ? ` · ${a.status}` : ''}` : '→ no such ledger account';
      } else if (id) {
        const r = rates.get(id);
        text = r ? `→ ${r.name ?? r.code ?? ''} · ${(r.effective_tax_rate ?? 0) / 100} %${r.status && r.status !== 'active' ? ` · ${r.status}` : ''}` : '→ no such tax rate';
      }
      slot.textContent = text;
      slot.title = text;
    }
  }

  function validate() {
    const bill = read();
    resolveIds();
    try {
      const result = validator.validate(bill);
      showIssues(result.errors, result.eligible, result.payload);
      form.dataset.eligible = String(result.eligible);
      window.__billResult = result;
    } catch (error) {
      // InputError: a value of the wrong type; its path names the field (`bill.line_items[0].quantity`).
      const path = (error.path ?? '').replace(/^bill\./, '');
      showIssues([{ code: error.code ?? error.name, path, message: error.message }], false, null);
      form.dataset.eligible = 'false';
      window.__billResult = { error: { name: error.name, code: error.code, path: error.path, message: error.message } };
    }
  }

  form.addEventListener('input', (event) => {
    if (event.target.id !== 'bill-select') validate();
  });
  form.addEventListener('change', (event) => {
    if (event.target.id === 'bill-select') build(data.bills.find((b) => b.bill.id === event.target.value));
    else if (event.target.tagName === 'SELECT') validate();
  });
  form.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'bill-reset') build(data.bills.find((b) => b.bill.id === original.id));
    else if (button.id === 'add-line') rebuildLines([...read().line_items, { name: '', quantity: 1, unit_price: 0 }]);
    else if (button.dataset.remove !== undefined) {
      const current = read().line_items;
      current.splice(Number(button.dataset.remove), 1);
      rebuildLines(current);
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  /** Re-renders the lines from edited values (indexes shift when one is removed). */
  function rebuildLines(lines) {
    original.line_items = lines;
    refKeys = [];
    $('bill-lines').replaceChildren(...lines.map(lineFieldset));
    validate();
  }

  return {
    update(formData) {
      data = formData;
      validator?.free();
      validator = createBillValidator(formData.context);
      if (!formData.bills.length) {
        form.replaceChildren(el('p', {}, 'The loaded data has no bills.'));
        return;
      }
      // Start on a bill the plan blocks for a ledger account, the most common fix.
      const first = formData.bills.find((b) => b.paths?.includes('line_items[0].ledger_account_id')) ?? formData.bills[0];
      build(first);
    },
  };
}
