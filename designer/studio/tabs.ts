/**
 * The work screen's tabs (WAI-ARIA tabs pattern): one tab in the Tab order, arrow keys,
 * Home and End move between tabs and show their panel at once.
 */
export interface Tabs {
  /** Shows the panel of a tab by its name (`process`, `metadata`…), moving focus to the tab when asked. */
  show(name: string, options?: { focus?: boolean }): void;
  current(): string;
}

export function mountTabs(list: HTMLElement, onShow: (name: string, panel: HTMLElement) => void): Tabs {
  const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const nameOf = (tab: HTMLElement) => tab.id.replace(/^tab-/, '');
  let current = nameOf(tabs.find((tab) => tab.getAttribute('aria-selected') === 'true') ?? tabs[0]!);

  const show = (name: string, options: { focus?: boolean } = {}) => {
    const target = tabs.find((tab) => nameOf(tab) === name);
    if (!target) return;
    for (const tab of tabs) {
      const selected = tab === target;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (options.focus) target.focus();
    current = name;
    onShow(name, document.getElementById(target.getAttribute('aria-controls') ?? '')!);
  };

  list.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role="tab"]');
    if (tab) show(nameOf(tab));
  });
  list.addEventListener('keydown', (event) => {
    const index = tabs.findIndex((tab) => nameOf(tab) === current);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(nameOf(tabs[(next + tabs.length) % tabs.length]!), { focus: true });
  });
  return { show, current: () => current };
}
