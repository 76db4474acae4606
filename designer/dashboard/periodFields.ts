/**
 * The period pickers that fit the chosen kind of period: the year for a year,
 * year and quarter for a quarter, year and month for a month, two dates for a
 * range. The others are hidden and disabled, so the form sends only what counts.
 */
export function mountPeriodFields(form: HTMLFormElement): void {
  const kind = form.querySelector<HTMLSelectElement>('[data-period-kind]');
  if (!kind) return;
  const groups = [...form.querySelectorAll<HTMLElement>('[data-period-for]')];
  const show = () => {
    for (const group of groups) {
      const relevant = (group.dataset.periodFor ?? '').split(' ').includes(kind.value);
      group.hidden = !relevant;
      for (const control of group.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) control.disabled = !relevant;
    }
  };
  kind.addEventListener('change', show);
  show();
}
