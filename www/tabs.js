// Accessible tabs (WAI-ARIA tabs pattern): Left/Right/Home/End move between tabs and show them, the
// selected tab alone is in the tab order, the URL hash names the open tab (#push, #bill, …).

export function setupTabs(tablist, { onShow = () => {} } = {}) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const nameOf = (tab) => tab.id.replace(/^tab-/, '');

  function select(tab, { focus = false, updateHash = true } = {}) {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    if (updateHash) history.replaceState(null, '', `#${nameOf(tab)}`);
    onShow(nameOf(tab));
  }

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(tabs[(moves[event.key] + tabs.length) % tabs.length], { focus: true });
  });

  const fromHash = () => tabs.find((t) => `#${nameOf(t)}` === location.hash);
  window.addEventListener('hashchange', () => {
    const tab = fromHash();
    if (tab) select(tab, { updateHash: false });
  });
  const initial = fromHash() ?? tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? tabs[0];
  select(initial, { updateHash: false });

  return { show: (name) => select(tabs.find((t) => nameOf(t) === name)) };
}
